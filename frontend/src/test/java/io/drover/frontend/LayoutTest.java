package io.drover.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Renders a page through the layout the way the apps do, with the calling convention documented in it. */
class LayoutTest {

    @Test
    void aPageKeepsItsTitleAndMainInsideTheLayout() {
        String html = Templates.render("drover-test/page", Map.of("heading", "Workers", "state", "ALIVE"));

        assertThat(html)
                .contains("<title>Workers · Drover</title>")
                .contains("<link rel=\"stylesheet\" href=\"/drover/css/drover.css\">")
                .contains("<a class=\"drover-brand\" href=\"/\">Drover</a>")
                .contains("<nav class=\"drover-nav\"")
                .contains("<main class=\"workers-page\">")
                .contains("<h1>Workers</h1>")
                .contains("<span class=\"state state-ALIVE\">ALIVE</span>")
                .contains("<footer class=\"drover-footer\">")
                .doesNotContain("Dropped")
                .doesNotContain("Page content goes here")
                .doesNotContain("th:");
        assertThat(html.indexOf("<main")).isEqualTo(html.lastIndexOf("<main"));
    }

    @Test
    void theScriptsLoadDeferredFromTheSharedPath() {
        String html = Templates.render("drover-test/page", Map.of("heading", "Workers", "state", "ALIVE"));

        assertThat(html)
                .contains("<script defer src=\"/drover/js/tables.js\"></script>")
                .contains("<script defer src=\"/drover/js/time.js\"></script>")
                .contains("<script defer src=\"/drover/js/actions.js\"></script>")
                .contains("<script defer src=\"/drover/js/live.js\"></script>");
    }

    @Test
    void withAnEmptyModelTheHeaderHasNoViewerNoBannersAndNoLinks() {
        String html = Templates.render("drover-test/page", Map.of("heading", "Oops", "state", "DEAD"));

        assertThat(html)
                .contains("<div class=\"drover-banners\" id=\"drover-banners\"></div>")
                .doesNotContain("drover-viewer")
                .doesNotContain("Authentication is disabled")
                .doesNotContain("aria-current");
    }

    @Test
    void theHeaderShowsTheClusterItsNavigationAndWhoIsLookingWithALogoutForm() {
        Map<String, Object> model = page();
        model.put("appName", "master");
        model.put("clusterUrl", "http://127.0.0.1:8080");
        model.put("clusterStatus", "ALIVE");
        model.put("nav", List.of(Map.of("label", "Overview", "href", "/", "current", true),
                Map.of("label", "Drivers", "href", "/drivers", "current", false)));
        model.put("viewer", Map.of("name", "alice"));

        String html = Templates.render("drover-test/page", model);

        assertThat(html)
                .contains("<a class=\"drover-url\" href=\"http://127.0.0.1:8080\">http://127.0.0.1:8080</a>")
                .contains("<span class=\"state state-ALIVE\">ALIVE</span>")
                .contains("<a href=\"/\" aria-current=\"page\">Overview</a>")
                .contains("<a href=\"/drivers\">Drivers</a>")
                .contains("<span class=\"viewer-name\">alice</span>")
                .contains("<form method=\"post\" action=\"/logout\">");
    }

    @Test
    void anAnonymousViewerHasNoLogoutForm() {
        Map<String, Object> model = page();
        model.put("viewer", Map.of("name", "anonymous"));

        String html = Templates.render("drover-test/page", model);

        assertThat(html).contains("<span class=\"viewer-name\">anonymous</span>").doesNotContain("/logout");
    }

    @Test
    void bannersWarnWhenAuthenticationIsOffAndCarryFlashMessagesEscaped() {
        Map<String, Object> model = page();
        model.put("authDisabledWarning", true);
        model.put("flashMessage", "Killed <b>x</b>");
        model.put("flashError", "Refused <script>");

        String html = Templates.render("drover-test/page", model);

        assertThat(html)
                .contains("Authentication is disabled")
                .contains("<p class=\"banner banner-ok\" role=\"status\">Killed &lt;b&gt;x&lt;/b&gt;</p>")
                .contains("<p class=\"banner banner-error\" role=\"alert\">Refused &lt;script&gt;</p>");
    }

    @Test
    void aViewerNameIsEscaped() {
        Map<String, Object> model = page();
        model.put("viewer", Map.of("name", "<img src=x onerror=alert(1)>"));

        assertThat(Templates.render("drover-test/page", model))
                .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
    }

    private static Map<String, Object> page() {
        Map<String, Object> model = new HashMap<>();
        model.put("heading", "Workers");
        model.put("state", "ALIVE");
        return model;
    }
}
