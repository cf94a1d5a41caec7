package io.drover.master.web;

import java.util.List;

/** A link in the layout's navigation; {@code current} marks the section the page belongs to. */
record NavLink(String label, String href, boolean current) {

    /** The master's sections, with the one holding {@code path} marked current. */
    static List<NavLink> master(String path) {
        return List.of(link("Overview", "/", path), link("Applications", "/applications", path),
                link("Drivers", "/drivers", path));
    }

    private static NavLink link(String label, String href, String path) {
        boolean current = href.equals("/") ? "/".equals(path) : path != null && path.startsWith(href);
        return new NavLink(label, href, current);
    }
}
