package io.github.speedup.docs;

import io.github.speedup.maven.RuleParameter;
import io.github.speedup.maven.WorkloadParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README and the manual ({@code src/site/markdown}, menu {@code src/site/site.xml}) against
 * the files and the plugin they describe, so that a moved page or a renamed parameter fails the
 * build instead of leaving stale docs. The pages follow these conventions, which this test reads:
 * <ul>
 *   <li>A relative link resolves: to a file next to the page, as a code host shows it; in the
 *   manual also to a site page ({@code usage.html} for {@code usage.md}), to a generated goal page
 *   ({@code plugin-info.html}, {@code <goal>-mojo.html} for a goal in {@code plugin.xml}) or to
 *   {@code images/*.png}, which the POM copies from {@code docs/} before the site is rendered. A
 *   fragment on a goal page names a parameter of that goal; on a {@code .md} page, one of its
 *   headings (the code host's anchors).</li>
 *   <li>A parameter is named in backticks. Every backticked lowerCamelCase word in prose is a
 *   parameter of a goal, a field of {@code <workload>} or {@code <rule>}, or a name in the report's
 *   schema ({@code speedup-1.xsd}). In a paragraph that starts with {@code **Parameters**} and
 *   links goal pages, every backticked name is a parameter of each goal linked.</li>
 *   <li>A user property ({@code -Dspeedup.maxRetries=5}, {@code speedup.testbed}) is one of a
 *   goal's; {@code speedup.xml} and the like are files.</li>
 *   <li>In an {@code ```xml} block, the children of {@code <configuration>}, or the top-level
 *   elements of a fragment, are parameters (of the goals the block names in {@code <goal>}, else
 *   of any goal); the children of {@code <workload>} and {@code <rule>} are their fields.</li>
 * </ul>
 * The plugin's parameters come from {@code target/classes/META-INF/maven/plugin.xml}, which
 * maven-plugin-plugin writes before the tests run.
 */
class DocsTest {

    private static final Path BASE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path SITE = BASE.resolve("src/site/markdown");

    private static final Pattern FENCE = Pattern.compile("(?ms)^```([\\w-]*)\\s*$(.*?)^```\\s*$");
    private static final Pattern LINK = Pattern.compile("!?\\[((?:[^\\]\\[]|\\[[^\\]]*])*)]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*");
    private static final Pattern USER_PROPERTY = Pattern.compile("(?:(?<=-D)|(?<![\\w.$-]))speedup\\.([A-Za-z]+)(?![\\w-])");
    private static final Pattern GOAL_PAGE = Pattern.compile("([a-z][a-z-]*)-mojo\\.html");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    /** {@code speedup.<extension>} names a file the plugin writes, not a user property. */
    private static final Set<String> FILE_EXTENSIONS = Set.of("xml", "md", "html", "json", "xsd");
    /** Elements of a POM around a plugin's configuration, never parameters themselves. */
    private static final Set<String> POM_ELEMENTS = Set.of("project", "build", "reporting", "plugins", "plugin",
            "executions", "execution", "goals", "goal", "configuration", "groupId", "artifactId", "version", "id",
            "phase", "dependencies", "dependency");

    private static Plugin plugin;

    @BeforeAll
    static void readPlugin() throws Exception {
        plugin = Plugin.read(BASE.resolve("target/classes/META-INF/maven/plugin.xml"),
                BASE.resolve("src/main/resources/io/github/speedup/report/xml/speedup-1.xsd"));
    }

    @Test
    void theReadmeAndEveryManualPageLinkOnlyToWhatExistsAndNameOnlyParametersThatExist() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(BASE.resolve("README.md"));
        try (Stream<Path> files = Files.list(SITE)) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertTrue(pages.size() > 5, "the manual's pages are found in " + SITE + ": " + pages);
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            problems.addAll(problems(page, Files.readString(page)));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theSiteMenuLinksOnlyToPagesAndGoalsThatExist() throws Exception {
        Document menu = secureParser().parse(SITE.resolveSibling("site.xml").toFile());
        NodeList items = menu.getElementsByTagName("item");
        assertTrue(items.getLength() > 10, "site.xml has the manual's pages and the goals");
        List<String> problems = new ArrayList<>();
        Set<String> goalsInMenu = new TreeSet<>();
        for (int i = 0; i < items.getLength(); i++) {
            String href = ((Element) items.item(i)).getAttribute("href");
            Matcher goal = GOAL_PAGE.matcher(href);
            if (goal.matches()) {
                goalsInMenu.add(goal.group(1));
            }
            String problem = sitePageProblem(href);
            if (problem != null) {
                problems.add("src/site/site.xml: item " + href + " " + problem);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(plugin.goals(), goalsInMenu, "every goal has its page in the menu");
    }

    @Test
    void aBrokenLinkABogusParameterAndABogusPropertyEachFail() {
        Path page = SITE.resolve("example.md");
        String text = """
                # Example

                See [the gate](gate.md), [nowhere](nowhere.md), [a heading](gate.md#no-such-heading),
                [run](run-mojo.html#argLine), [a goal](fly-mojo.html) and [a parameter](run-mojo.html#argLines).
                Set `maxRetries` and `maxRetriez`, or `-Dspeedup.maxRetriez=2`; `speedup.xml` is a file.

                **Parameters** of [`check`](check-mojo.html): `baseline`, `workers`.

                ```xml
                <configuration>
                  <argLine>-Xmx1g</argLine>
                  <argLines>-Xmx1g</argLines>
                  <workloads><workload><name>a</name><sise>3</sise></workload></workloads>
                </configuration>
                ```
                """;
        assertEquals(List.of(
                "src/site/markdown/example.md: link nowhere.md points at nothing",
                "src/site/markdown/example.md: link gate.md#no-such-heading: gate.md has no heading with anchor"
                        + " no-such-heading",
                "src/site/markdown/example.md: link fly-mojo.html: the plugin has no goal fly (goals: check, help,"
                        + " report, report-aggregate, run)",
                "src/site/markdown/example.md: link run-mojo.html#argLines: goal run has no parameter argLines",
                "src/site/markdown/example.md: `maxRetriez` is no parameter of any goal, no field of <workload> or"
                        + " <rule> and no name in speedup-1.xsd",
                "src/site/markdown/example.md: -Dspeedup.maxRetriez is no user property of any goal",
                "src/site/markdown/example.md: **Parameters** of check: goal check has no parameter workers",
                "src/site/markdown/example.md: ```xml block: <argLines> is no parameter of any goal",
                "src/site/markdown/example.md: ```xml block: <workload> has no field <sise> (fields: batchSize, className,"
                        + " kind, maxTimeInSeconds, method, modes, name, payloadBytes, size, targetPrecision, tasks,"
                        + " workers)"),
                problems(page, text));
    }

    @Test
    void aSnippetOfOneGoalIsCheckedAgainstThatGoalAndARuleAgainstItsFields() {
        String text = """
                ```xml
                <execution><goals><goal>check</goal></goals><configuration>
                  <reportFile>a.xml</reportFile>
                  <workers>2</workers>
                  <rules><rule><mode>threads</mode><minSpeedUp>2</minSpeedUp></rule></rules>
                </configuration></execution>
                ```
                """;
        List<String> problems = problems(BASE.resolve("README.md"), text);
        assertEquals(List.of(
                "README.md: ```xml block: <workers> is no parameter of goal check",
                "README.md: ```xml block: <rule> has no field <minSpeedUp> (fields: maxMedianMs, minEfficiency,"
                        + " minSpeedup, mode, workers, workload)"), problems);
    }

    @Test
    void theParametersComeFromThePluginDescriptor() {
        assertTrue(plugin.parameters("run").contains("argLine"), plugin.parameters("run").toString());
        assertTrue(plugin.parameters("check").contains("reportFile"));
        assertFalse(plugin.parameters("run").contains("project"), "read-only parameters are not the user's");
        assertTrue(plugin.userProperties().contains("timeout"), "forkedProcessTimeoutInSeconds' property");
    }

    private static List<String> problems(Path page, String text) {
        String name = BASE.relativize(page).toString().replace('\\', '/');
        boolean inSite = page.getParent().equals(SITE);
        List<String> problems = new ArrayList<>();
        List<String> blockProblems = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        int end = 0;
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            prose.append(text, end, fence.start()).append('\n');
            end = fence.end();
            if (fence.group(1).equals("xml")) {
                xmlBlockProblems(fence.group(2)).forEach(problem -> blockProblems.add(name + ": ```xml block: " + problem));
            }
        }
        prose.append(text.substring(end));

        Matcher link = LINK.matcher(prose);
        while (link.find()) {
            String problem = linkProblem(page, inSite, link.group(2));
            if (problem != null) {
                problems.add(name + ": link " + link.group(2) + problem);
            }
        }
        Set<String> reportedWords = new LinkedHashSet<>();
        Matcher span = CODE_SPAN.matcher(prose);
        while (span.find()) {
            String word = span.group(1);
            if (CAMEL_CASE.matcher(word).matches() && !plugin.knows(word) && reportedWords.add(word)) {
                problems.add(name + ": `" + word + "` is no parameter of any goal, no field of <workload> or <rule>"
                        + " and no name in speedup-1.xsd");
            }
        }
        Set<String> reportedProperties = new LinkedHashSet<>();
        Matcher property = USER_PROPERTY.matcher(text);
        while (property.find()) {
            String key = property.group(1);
            if (!FILE_EXTENSIONS.contains(key) && !plugin.userProperties().contains(key)
                    && reportedProperties.add(key)) {
                problems.add(name + ": -Dspeedup." + key + " is no user property of any goal");
            }
        }
        for (String paragraph : prose.toString().split("\\n\\s*\\n")) {
            if (paragraph.strip().startsWith("**Parameters**")) {
                parametersParagraphProblems(paragraph).forEach(problem ->
                        problems.add(name + ": **Parameters** of " + problem));
            }
        }
        problems.addAll(blockProblems);
        return problems;
    }

    /** Null when the link resolves, else the reason, starting with what follows the link in a message. */
    private static String linkProblem(Path page, boolean inSite, String target) {
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
            return null; // https:, mailto: ... not this test's business
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        if (path.isEmpty()) {
            return headingProblem(page, fragment);
        }
        Matcher goal = GOAL_PAGE.matcher(path);
        if (inSite && goal.matches()) {
            String goalName = goal.group(1);
            if (!plugin.goals().contains(goalName)) {
                return ": the plugin has no goal " + goalName + " (goals: " + String.join(", ", plugin.goals()) + ")";
            }
            return fragment == null || plugin.parameters(goalName).contains(fragment) ? null
                    : ": goal " + goalName + " has no parameter " + fragment;
        }
        if (inSite && (path.equals("plugin-info.html") || sitePageProblem(path) == null)) {
            return null;
        }
        Path file = page.getParent().resolve(path).normalize();
        if (inSite && path.startsWith("images/")) {
            file = BASE.resolve("docs").resolve(path.substring("images/".length()));
        }
        if (!Files.exists(file)) {
            return " points at nothing";
        }
        return fragment != null && path.endsWith(".md") ? headingProblem(file, fragment) : null;
    }

    private static String headingProblem(Path page, String fragment) {
        Set<String> anchors = new TreeSet<>();
        try {
            Matcher heading = HEADING.matcher(Files.readString(page));
            while (heading.find()) {
                anchors.add(anchor(heading.group(1)));
            }
        } catch (IOException e) {
            return ": " + page + " cannot be read: " + e.getMessage();
        }
        return anchors.contains(fragment) ? null
                : ": " + page.getFileName() + " has no heading with anchor " + fragment;
    }

    /** A code host's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** Null when {@code href} is a page of the site: a manual page's .html or a generated goal page. */
    private static String sitePageProblem(String href) {
        Matcher goal = GOAL_PAGE.matcher(href);
        if (goal.matches()) {
            return plugin.goals().contains(goal.group(1)) ? null : "names no goal of the plugin";
        }
        if (href.equals("plugin-info.html")) {
            return null;
        }
        if (href.endsWith(".html") && Files.exists(SITE.resolve(href.replaceFirst("\\.html$", ".md")))) {
            return null;
        }
        return "is no page of src/site/markdown and no generated goal page";
    }

    private static List<String> parametersParagraphProblems(String paragraph) {
        Set<String> goals = new LinkedHashSet<>();
        Matcher link = LINK.matcher(paragraph);
        while (link.find()) {
            Matcher goal = GOAL_PAGE.matcher(link.group(2));
            if (goal.matches()) {
                goals.add(goal.group(1));
            }
        }
        if (goals.isEmpty()) {
            return List.of("nothing: the paragraph links no goal page (<goal>-mojo.html)");
        }
        List<String> problems = new ArrayList<>();
        Matcher span = CODE_SPAN.matcher(LINK.matcher(paragraph).replaceAll(""));
        while (span.find()) {
            for (String goal : goals) {
                if (!plugin.parameters(goal).contains(span.group(1))) {
                    problems.add(String.join(", ", goals) + ": goal " + goal + " has no parameter " + span.group(1));
                }
            }
        }
        return problems;
    }

    private static List<String> xmlBlockProblems(String block) {
        Element fragment;
        try {
            fragment = secureParser().parse(new InputSource(new StringReader("<fragment>" + block + "</fragment>")))
                    .getDocumentElement();
        } catch (Exception e) {
            return List.of("not well-formed: " + e.getMessage());
        }
        List<String> goals = new ArrayList<>();
        NodeList goalElements = fragment.getElementsByTagName("goal");
        for (int i = 0; i < goalElements.getLength(); i++) {
            goals.add(goalElements.item(i).getTextContent().strip());
        }
        List<Element> parameters = new ArrayList<>();
        NodeList configurations = fragment.getElementsByTagName("configuration");
        for (int i = 0; i < configurations.getLength(); i++) {
            parameters.addAll(children((Element) configurations.item(i)));
        }
        List<String> problems = new ArrayList<>();
        for (Element top : children(fragment)) {
            switch (top.getTagName()) {
                case "workload" -> fieldProblems(top, WorkloadParameter.class, problems);
                case "rule" -> fieldProblems(top, RuleParameter.class, problems);
                default -> {
                    if (!POM_ELEMENTS.contains(top.getTagName())) {
                        parameters.add(top);
                    }
                }
            }
        }
        for (Element parameter : parameters) {
            String name = parameter.getTagName();
            boolean exists = goals.isEmpty() ? plugin.knowsParameter(name)
                    : goals.stream().allMatch(goal -> plugin.parameters(goal).contains(name));
            if (!exists) {
                problems.add("<" + name + "> is no parameter of " + (goals.isEmpty() ? "any goal"
                        : "goal " + String.join(", ", goals)));
            }
            for (Element item : children(parameter)) {
                if (name.equals("workloads") && item.getTagName().equals("workload")) {
                    fieldProblems(item, WorkloadParameter.class, problems);
                } else if (name.equals("rules") && item.getTagName().equals("rule")) {
                    fieldProblems(item, RuleParameter.class, problems);
                }
            }
        }
        return problems;
    }

    private static void fieldProblems(Element element, Class<?> type, List<String> problems) {
        Set<String> fields = fields(type);
        for (Element child : children(element)) {
            if (!fields.contains(child.getTagName())) {
                problems.add("<" + element.getTagName() + "> has no field <" + child.getTagName() + "> (fields: "
                        + String.join(", ", fields) + ")");
            }
        }
    }

    private static Set<String> fields(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                names.add(field.getName());
            }
        }
        return names;
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /** No DTDs, no external entities: the docs and the descriptor are read as data. */
    private static DocumentBuilder secureParser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    /** The goals and their user-settable parameters, as plugin.xml declares them, and the report's names. */
    private record Plugin(Map<String, Set<String>> parametersByGoal, Set<String> userProperties,
                          Set<String> reportNames) {

        static Plugin read(Path descriptor, Path schema) throws Exception {
            assertTrue(Files.isRegularFile(descriptor), descriptor + " is written by maven-plugin-plugin before tests");
            Element root = secureParser().parse(descriptor.toFile()).getDocumentElement();
            Map<String, Set<String>> parametersByGoal = new LinkedHashMap<>();
            Set<String> userProperties = new TreeSet<>();
            for (Element mojo : children(single(root, "mojos"))) {
                Set<String> parameters = new TreeSet<>();
                for (Element parameter : children(single(mojo, "parameters"))) {
                    if (text(parameter, "editable").equals("true")) {
                        parameters.add(text(parameter, "name"));
                    }
                }
                for (Element value : children(single(mojo, "configuration"))) {
                    Matcher expression = Pattern.compile("\\$\\{speedup\\.([A-Za-z]+)}").matcher(value.getTextContent());
                    if (expression.matches()) {
                        userProperties.add(expression.group(1));
                    }
                }
                parametersByGoal.put(text(mojo, "goal"), parameters);
            }
            Set<String> reportNames = new TreeSet<>();
            Element xsd = secureParser().parse(schema.toFile()).getDocumentElement();
            for (String declaration : List.of("xs:element", "xs:attribute")) {
                NodeList declarations = xsd.getElementsByTagName(declaration);
                for (int i = 0; i < declarations.getLength(); i++) {
                    String name = ((Element) declarations.item(i)).getAttribute("name");
                    if (!name.isEmpty()) {
                        reportNames.add(name);
                    }
                }
            }
            return new Plugin(parametersByGoal, userProperties, reportNames);
        }

        Set<String> goals() {
            return new TreeSet<>(parametersByGoal.keySet());
        }

        Set<String> parameters(String goal) {
            return parametersByGoal.getOrDefault(goal, Set.of());
        }

        boolean knowsParameter(String name) {
            return parametersByGoal.values().stream().anyMatch(parameters -> parameters.contains(name));
        }

        /** A backticked name the docs may use: a parameter, a workload or rule field, a name in the report. */
        boolean knows(String name) {
            return knowsParameter(name) || fields(WorkloadParameter.class).contains(name)
                    || fields(RuleParameter.class).contains(name) || reportNames.contains(name);
        }

        private static Element single(Element parent, String tag) {
            for (Element child : children(parent)) {
                if (child.getTagName().equals(tag)) {
                    return child;
                }
            }
            throw new AssertionError("plugin.xml: <" + parent.getTagName() + "> has no <" + tag + ">");
        }

        private static String text(Element parent, String tag) {
            return single(parent, tag).getTextContent().strip();
        }
    }
}
