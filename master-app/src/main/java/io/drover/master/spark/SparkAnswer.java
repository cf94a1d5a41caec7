package io.drover.master.spark;

import io.drover.protocol.spark.SubmitRestResponse;

/** An HTTP status and the Spark message that goes with it. */
record SparkAnswer(int status, SubmitRestResponse body) {

    static SparkAnswer ok(SubmitRestResponse body) {
        return new SparkAnswer(200, body);
    }
}
