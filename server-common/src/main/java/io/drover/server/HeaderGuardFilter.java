package io.drover.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests whose {@code Content-Type} or {@code Accept} cannot be read, before anything else
 * looks at them. Left to Spring MVC, a wildcard or malformed {@code Content-Type} fails deep inside
 * message conversion (a 500), and a malformed {@code Accept} leaves even the error answer without a
 * representation (an empty body); here both get a problem that says which header is wrong. It guards the
 * error dispatch too: a request Tomcat itself refuses ({@code TRACE}, a control character in the path) goes
 * straight to {@code /error} without a first pass through the filters, and there Spring MVC decoding the
 * path in a charset named {@code charset=} threw, which Tomcat answered with its own 500 page.
 */
public class HeaderGuardFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && !usableContentType(contentType)) {
            ProblemResponses.write(response, 415, "Unsupported Media Type",
                    "the Content-Type header is malformed or a wildcard; send application/json");
            return;
        }
        for (String accept : Collections.list(request.getHeaders("Accept"))) {
            if (!readableAccept(accept)) {
                ProblemResponses.write(response, 400, "Bad Request", "the Accept header is malformed");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean usableContentType(String value) {
        try {
            MediaType type = MediaType.parseMediaType(value);
            return !type.isWildcardType() && !type.isWildcardSubtype() && charsetReadable(type);
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException included
            return false;
        }
    }

    private static boolean charsetReadable(MediaType type) {
        try {
            type.getCharset();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean readableAccept(String value) {
        try {
            List<MediaType> types = MediaType.parseMediaTypes(value);
            types.forEach(MediaType::getQualityValue);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
