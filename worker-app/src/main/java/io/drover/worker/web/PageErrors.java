package io.drover.worker.web;

import io.drover.server.ApiException;
import io.drover.worker.web.view.ErrorPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the worker's pages answer an HTML page a browser can show, with the status and detail the
 * API's problem+json would carry; a client that does not take HTML (a script asking for JSON) gets that
 * problem+json instead. Only for the controllers of this package, and ahead of the shared
 * {@code ApiErrors}, which keeps answering everything else: the API, and the framework's own refusals on
 * these routes (a wrong method, a malformed query), whose statuses it already knows.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    /** Declared as Object: Spring picks how to write the answer from the type actually returned. */
    @ExceptionHandler(ApiException.class)
    Object refused(ApiException e, HttpServletRequest request) {
        if (!takesHtml(request.getHeader(HttpHeaders.ACCEPT))) {
            return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(e.status(), e.getMessage()));
        }
        return page(e.status(), e.getMessage());
    }

    /** No Accept, a wildcard or anything naming HTML: a browser, or curl, which reads HTML well enough. */
    static boolean takesHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return true; // the header guard refuses these before any page; HTML is the page's own form
        }
        return types.stream().anyMatch(t -> t.getQualityValue() > 0 && t.isCompatibleWith(MediaType.TEXT_HTML));
    }

    private static ModelAndView page(HttpStatus status, String detail) {
        ModelAndView view = new ModelAndView("worker/error");
        view.setStatus(status);
        view.addObject("error", new ErrorPage(status.value(), status.getReasonPhrase(), detail));
        return view;
    }
}
