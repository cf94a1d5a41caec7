package io.drover.frontend;

import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Plain Thymeleaf over the classpath, as the apps resolve templates. It evaluates expressions with OGNL
 * where the apps use SpEL, so the shared templates stick to expressions both understand.
 */
final class Templates {

    private static final TemplateEngine ENGINE = engine();

    private Templates() {
    }

    static String render(String template, Map<String, Object> model) {
        return ENGINE.process(template, new Context(java.util.Locale.GERMANY, model));
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
