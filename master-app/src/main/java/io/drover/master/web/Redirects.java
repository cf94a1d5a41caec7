package io.drover.master.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Where an action sends the reader afterwards: the page they came from, if it is one of ours, else the
 * page of the thing acted on. Never another site (an open redirect), never a kill URL again.
 */
final class Redirects {

    private Redirects() {
    }

    /** {@code back} (a form field) if it is a local page, else the Referer if same-origin, else the fallback. */
    static String back(HttpServletRequest request, String back, String fallback) {
        if (isLocalPage(back)) {
            return back;
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = new URI(referer);
                String path = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
                String context = request.getContextPath();
                if (!context.isEmpty() && path.startsWith(context + "/")) {
                    path = path.substring(context.length()); // to() adds the context path again
                }
                if (sameOrigin(uri, request) && isLocalPage(path)) {
                    return path;
                }
            } catch (URISyntaxException e) {
                // not a URL: use the fallback
            }
        }
        return fallback;
    }

    /**
     * A redirect that takes the path as it is: no URI-template expansion (a "{" in a query would fail it)
     * and no model attributes appended.
     */
    static RedirectView to(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        return view;
    }

    static boolean isLocalPage(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && path.length() <= 2048
                && path.chars().noneMatch(c -> c == '\\' || c < 0x20 || c == 0x7f)
                && !path.split("\\?", 2)[0].endsWith("/kill");
    }

    private static boolean sameOrigin(URI uri, HttpServletRequest request) {
        if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())) {
            return false;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        return port == request.getServerPort();
    }
}
