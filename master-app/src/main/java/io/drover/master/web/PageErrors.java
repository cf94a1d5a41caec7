package io.drover.master.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the dashboard's pages answer HTML for people, where the API's (server-common's ApiErrors,
 * which would otherwise take these too) answer problem+json. Ordered first and scoped to this package.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(PageNotFound.class)
    ModelAndView notFound(PageNotFound e, HttpServletRequest request) {
        ModelAndView page = page("master/not-found", HttpStatus.NOT_FOUND, request);
        page.addObject("kind", e.kind());
        page.addObject("id", e.id());
        return page;
    }

    /** The last resort: logged for us, a plain page for the reader, no internals. */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error while rendering {}", request.getRequestURI(), e);
        return page("master/error", HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private static ModelAndView page(String view, HttpStatus status, HttpServletRequest request) {
        // Exception handlers get a fresh model: add what the layout needs to find the way back.
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("appName", "master");
        page.addObject("nav", NavLink.master(request.getRequestURI()));
        return page;
    }
}
