package io.drover.master.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Picks the whole page or, when live.js asks (header {@code X-Drover-Fragment}, or {@code ?fragment}
 * for a hand-made link), only the page's {@code [data-live]} regions: Thymeleaf renders just those
 * elements of the template, with the same model, so the regions cannot drift from the page.
 */
final class LiveView {

    static final String HEADER = "X-Drover-Fragment";
    static final String PARAM = "fragment";

    private LiveView() {
    }

    static String of(String template, HttpServletRequest request) {
        boolean fragment = request.getHeader(HEADER) != null || request.getParameter(PARAM) != null;
        // "[data-live]" alone is not accepted in a fragment expression; a bare data-live attribute has the
        // value "", which this selector matches. Regions must therefore carry data-live without a value.
        return fragment ? template + " :: [data-live='']" : template;
    }
}
