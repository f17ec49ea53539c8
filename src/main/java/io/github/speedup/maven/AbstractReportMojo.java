package io.github.speedup.maven;

import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.util.Locale;

/**
 * A goal that is also a Maven site report: run as a goal or by the site, it writes its page
 * whole (an external report), under Project Reports.
 */
abstract class AbstractReportMojo extends AbstractSpeedupMojo implements MavenReport {

    /** Writes the page (and whatever goes with it). */
    abstract void render() throws MavenReportException;

    @Override
    void executeGoal() throws MojoExecutionException {
        try {
            render();
        } catch (MavenReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        // An external report: the site gives a sink, but the page is written whole, by us.
        if (!skipped()) {
            render();
        }
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public boolean isExternalReport() {
        return true;
    }

    @Override
    public boolean canGenerateReport() {
        return !skipped();
    }
}
