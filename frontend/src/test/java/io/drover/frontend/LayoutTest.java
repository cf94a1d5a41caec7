package io.drover.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders a page through the layout the way the apps do, with the calling convention documented in it. */
class LayoutTest {

    private final TemplateEngine engine = engine();

    @Test
    void aPageKeepsItsTitleAndMainInsideTheLayout() {
        String html = engine.process("drover-test/page",
                new Context(null, Map.of("heading", "Workers", "state", "ALIVE")));

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

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        // Outside a servlet there is no context path; the apps render "@{/...}" with theirs.
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
                return "";
            }
        });
        return engine;
    }
}
