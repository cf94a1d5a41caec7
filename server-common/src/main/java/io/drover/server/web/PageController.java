package io.drover.server.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller that renders the dashboard's pages, as opposed to a {@code @RestController} of the API or the
 * worker protocol. What every page's layout needs in its model (who is logged in, the warnings) is added to
 * these alone: computing it for every API call and heartbeat cost the master a few percent of its CPU.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {
}
