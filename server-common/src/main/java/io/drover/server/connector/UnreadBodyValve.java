package io.drover.server.connector;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection after an error answer instead of reading what is left of its body. Tomcat drains
 * ("swallows") an unread request body after the response so the connection can be reused, on the request's
 * thread, one blocking read at a time: an unauthenticated client that sends a body one byte every few
 * seconds and gets a {@code 401} then held a thread for as long as it liked, and a few hundred of them
 * starved every authorized call (issue 10). Tomcat already closes instead of draining after a 400 or 413;
 * this does the same after any status from 400 up, when the body was not read to its end. An answer must
 * not be committed before it gets here (no flush, no length set up front), or the client is not told the
 * connection ends and sends its next request down a closed one.
 */
final class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (response.getStatus() >= 400 && !request.isAsyncStarted() && !request.getCoyoteRequest().isFinished()) {
                // Finished first (its length set from what was written, and sent): Tomcat treats ending the
                // connection as an error, and would otherwise answer with its error page instead. The client
                // is told the connection ends, so it does not send its next request down it.
                if (!response.isCommitted()) {
                    response.setHeader("Connection", "close");
                }
                response.finishResponse();
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                // That action marks the exchange as failed; the answer is already out, so no error page
                // (whose dispatch would run the whole filter chain again) is wanted.
                response.getCoyoteResponse().setErrorReported();
            }
        }
    }
}
