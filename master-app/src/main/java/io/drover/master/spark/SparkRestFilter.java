package io.drover.master.spark;

import io.drover.protocol.spark.SubmitRestResponse;
import io.drover.server.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Everything that arrives on the Spark port, and only that: answered here, before Spring Security and
 * Spring MVC, so none of Drover's routes (or its credentials) exist on that port and Spark's routes exist
 * nowhere else. Requests from outside {@code trusted-networks} are refused first; then Spark's routing, and
 * every answer is Spark's JSON, errors included (Spark's client cannot read anything else).
 */
final class SparkRestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SparkRestFilter.class);
    private static final String VERSION = SparkSubmissions.SPARK_VERSION;

    private final SparkRestConnector connector;
    private final SparkSubmissions submissions;
    private final List<IpAddressMatcher> trusted;
    private final long maxBody;
    private final SparkRestJson json = new SparkRestJson();

    SparkRestFilter(SparkRestConnector connector, SparkSubmissions submissions, List<String> trustedNetworks,
            long maxBody) {
        this.connector = connector;
        this.submissions = submissions;
        this.trusted = trustedNetworks.stream().map(IpAddressMatcher::new).toList();
        this.maxBody = maxBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getLocalPort() != connector.port()) {
            chain.doFilter(request, response);
            return;
        }
        SparkAnswer answer;
        try {
            answer = answer(request);
        } catch (SparkRestException e) {
            answer = new SparkAnswer(e.status(), SubmitRestResponse.error(VERSION, e.getMessage()));
        } catch (ApiException e) {
            answer = new SparkAnswer(e.status().value(), SubmitRestResponse.error(VERSION, e.getMessage()));
        } catch (RuntimeException e) {
            log.error("Spark REST request {} {} failed", request.getMethod(), request.getRequestURI(), e);
            answer = new SparkAnswer(500, SubmitRestResponse.error(VERSION, "Internal server error"));
        }
        byte[] body = json.write(answer.body());
        response.setStatus(answer.status());
        response.setContentType("application/json;charset=utf-8");
        // No length set here: with it, the answer went out as soon as it was written, before the valve that
        // ends a connection whose body was left unread could add "Connection: close"; Tomcat sets the length
        // of a buffered answer itself.
        response.getOutputStream().write(body);
    }

    private SparkAnswer answer(HttpServletRequest request) throws IOException {
        String remote = request.getRemoteAddr();
        if (trusted.stream().noneMatch(network -> network.matches(remote))) {
            log.warn("Refused a Spark REST request from {}: not in drover.spark.rest.trusted-networks", remote);
            return new SparkAnswer(403, SubmitRestResponse.error(VERSION, "Requests from " + remote
                    + " are not accepted here: not in drover.spark.rest.trusted-networks"));
        }
        SparkRoute route = SparkRoute.of(request.getMethod(), request.getRequestURI());
        // Java 17: no pattern switch; the sealed route has these cases and no others.
        if (route instanceof SparkRoute.Create) {
            SparkRestJson.Parsed parsed = json.readCreate(body(request));
            return submissions.create(parsed.request(), parsed.unknownFields());
        }
        if (route instanceof SparkRoute.Status status) {
            return status.submissionId() == null ? missingId("status") : submissions.status(status.submissionId());
        }
        if (route instanceof SparkRoute.Kill kill) {
            return kill.submissionId() == null ? missingId("kill") : submissions.kill(kill.submissionId());
        }
        if (route instanceof SparkRoute.KillAll) {
            return submissions.killAll();
        }
        if (route instanceof SparkRoute.Clear) {
            return submissions.clear();
        }
        if (route instanceof SparkRoute.Readyz) {
            return submissions.readyz();
        }
        if (route instanceof SparkRoute.WrongMethod wrong) {
            return new SparkAnswer(405, SubmitRestResponse.error(VERSION, "HTTP method " + wrong.method()
                    + " is not supported by this URL"));
        }
        SparkRoute.Error error = (SparkRoute.Error) route;
        return error.unknownVersion()
                ? new SparkAnswer(SubmitRestResponse.UNKNOWN_PROTOCOL_VERSION_STATUS,
                        SubmitRestResponse.unknownVersion(VERSION, error.message()))
                : new SparkAnswer(400, SubmitRestResponse.error(VERSION, error.message()));
    }

    private static SparkAnswer missingId(String call) {
        return new SparkAnswer(400, SubmitRestResponse.error(VERSION, "Submission ID is missing in " + call
                + " request."));
    }

    /** At most {@code maxBody} bytes; a longer body is refused unread, like the master's other routes do. */
    private byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBody) {
            throw new SparkRestException(413, "Request body larger than " + maxBody + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
            if (body.length > maxBody) {
                throw new SparkRestException(413, "Request body larger than " + maxBody + " bytes");
            }
            return body;
        }
    }
}
