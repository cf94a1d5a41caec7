package io.drover.master.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Builds the pages' {@code @{...}} links without asking the servlet response to "encode" each one unless
 * it points at a static asset. Encoding a link does two things here: session ids in URLs, which the
 * master turns off (cookies only), and Spring's resource chain (on because springdoc brings webjars),
 * which looks every link up on the classpath as if it were a static file. On the overview, with a link
 * per worker, driver and application, those lookups were a quarter of the page's time.
 */
@Component
class PageLinks implements BeanPostProcessor {

    /** Static assets keep the resource chain (versioned URLs, if ever configured). */
    private static final String[] STATIC = {"/drover/", "/webjars/", "/swagger-ui/"};

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SpringTemplateEngine engine) {
            engine.setLinkBuilder(new Builder());
        }
        return bean;
    }

    static boolean isStatic(String link) {
        for (String prefix : STATIC) {
            if (link.contains(prefix)) { // after the context path, if there is one
                return true;
            }
        }
        return false;
    }

    private static final class Builder extends StandardLinkBuilder {
        @Override
        protected String processLink(IExpressionContext context, String link) {
            return isStatic(link) ? super.processLink(context, link) : link;
        }
    }
}
