"""Harness overhead: the whole `mvn verify` of a POM with only the plugin (the default suite)
against the sum of the measured iteration times its report holds."""
from common import mvn, project, report, table

directory = project("overhead", "")
mvn(directory)  # once to warm Maven's own caches, so the figure is about the plugin
total = mvn(directory)
measured = sum(float(s.get("wallMs")) for s in report(directory).iter("sample")) / 1000
table("Harness overhead of the default suite",
      ["mvn verify s", "measured iterations s", "overhead s", "overhead share"],
      [["%.1f" % total, "%.1f" % measured, "%.1f" % (total - measured), "%.0f%%" % ((total - measured) / total * 100)]])
