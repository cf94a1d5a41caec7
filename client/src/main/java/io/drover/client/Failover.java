package io.drover.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends one call to the leading master (issue 9). A refused connection moves on to the next configured
 * master; a {@code 503} from a master that is not the leader moves to the {@code leader} its problem
 * names, or else to the next master, after its {@code Retry-After} once every master has been tried.
 * Only failures where the master certainly did not act are retried: a refused or timed-out connection, a
 * {@code 503}, and, for reads, a connection that broke. After {@code timeout} the call gives up with the
 * last master's problem, or a {@link DroverClientException} naming the masters tried.
 */
final class Failover {

    /** One attempt of the call against {@code master}. */
    interface Attempt<T> {
        HttpResponse<T> send(URI master) throws IOException, InterruptedException;
    }

    static final int UNAVAILABLE = 503;
    /** The first pause after every master failed once; it doubles up to {@link #MAX_PAUSE}. */
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(2);
    /** A {@code Retry-After} longer than this is shortened: the client checks again sooner. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);

    private final MasterUrls masters;
    private final Duration timeout;
    private final Responses responses;

    Failover(MasterUrls masters, Duration timeout, Responses responses) {
        this.masters = masters;
        this.timeout = timeout;
        this.responses = responses;
    }

    /**
     * Runs {@code attempt} until a master other than a standby answers; {@code problemText} reads (and
     * releases) the body of a {@code 503}.
     */
    <T> HttpResponse<T> call(String method, String path, Attempt<T> attempt,
                             Function<HttpResponse<T>, String> problemText) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI master = masters.current();
        int missesThisRound = 0;
        Duration pause = FIRST_PAUSE;
        while (true) {
            Duration wait = Duration.ZERO;
            RuntimeException failure;
            try {
                HttpResponse<T> response = attempt.send(master);
                if (response.statusCode() != UNAVAILABLE) {
                    masters.answered(master);
                    return response;
                }
                String text = problemText.apply(response);
                String contentType = response.headers().firstValue("Content-Type").orElse("");
                failure = responses.error(method, path, UNAVAILABLE, contentType, text);
                URI answering = master;
                Optional<URI> leader = responses.leader(contentType, text).filter(url -> !url.equals(answering));
                wait = retryAfter(response);
                if (leader.isPresent()) {
                    // Straight to the leader; two masters naming each other still pause after a round.
                    master = masters.leader(master, leader.get());
                    wait = Duration.ZERO;
                    missesThisRound++;
                } else {
                    master = masters.next(master);
                    missesThisRound++;
                }
            } catch (IOException e) {
                if (!retriable(method, e)) {
                    throw new DroverClientException(method + " " + MasterUrls.resolve(master, path) + " failed: "
                            + reason(e), e);
                }
                failure = new DroverClientException(method + " " + MasterUrls.resolve(master, path) + " failed: "
                        + reason(e) + "; no master took it within " + timeout.toMillis() + " ms (tried "
                        + masters.configured() + ")", e);
                master = masters.next(master);
                missesThisRound++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DroverClientException(method + " " + MasterUrls.resolve(master, path) + " was interrupted", e);
            }
            if (missesThisRound >= masters.configured().size()) {
                wait = wait.compareTo(pause) > 0 ? wait : pause;
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                missesThisRound = 0;
            } else if (wait.compareTo(Duration.ZERO) > 0 && missesThisRound > 0) {
                wait = Duration.ZERO; // another master may answer at once; the pause comes after the round
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= wait.toNanos()) {
                throw failure;
            }
            sleep(wait);
        }
    }

    /** Refused or timed-out connections never reached a master; a read may also be repeated after a broken one. */
    private static boolean retriable(String method, IOException e) {
        if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException) {
            return true;
        }
        return "GET".equals(method) && !(e instanceof HttpTimeoutException);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            long seconds = Long.parseLong(header.get().strip());
            Duration after = Duration.ofSeconds(Math.max(0, seconds));
            return after.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : after;
        } catch (NumberFormatException e) {
            return FIRST_PAUSE; // an HTTP date: the master is not ready now, check again shortly
        }
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
        }
        return message;
    }

    private static void sleep(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DroverClientException("interrupted while waiting for a leading master", e);
        }
    }
}
