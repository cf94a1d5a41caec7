package io.drover.examples.spark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * A Spark job: a count and a word count with a shuffle over {@link GeneratedText}. Its master comes from
 * {@code spark.master} (set by Drover for a submitted driver, or given with {@code -Dspark.master=drover://...}).
 *
 * <p>Arguments: lines, partitions, milliseconds each partition's tasks take at least (to watch executors come
 * and go, default 0), and milliseconds to stay up after the job (to see idle executors leave, default 0).
 * Prints {@code lines=N}, {@code distinct=D} and {@code counts=w0:c0,w1:c1,...} (by word).
 */
public final class SparkWordCount {

    private SparkWordCount() {
    }

    public static void main(String[] args) throws InterruptedException {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long taskMillis = args.length > 2 ? Long.parseLong(args[2]) : 0;
        long lingerMillis = args.length > 3 ? Long.parseLong(args[3]) : 0;
        System.out.println("main entered at " + System.currentTimeMillis());
        SparkConf conf = new SparkConf().setIfMissing("spark.app.name", "drover-word-count");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            JavaRDD<String> text = sc.parallelize(List.of(0), partitions)
                    .mapPartitionsWithIndex((index, ignored) -> {
                        Thread.sleep(taskMillis);
                        return LongStream.range(0, lines).filter(i -> i % partitions == index)
                                .mapToObj(GeneratedText::line).iterator();
                    }, true);
            long count = text.count();
            JavaPairRDD<String, Long> counts = text.flatMap(line -> List.of(line.split(" ")).iterator())
                    .mapToPair(word -> new Tuple2<>(word, 1L))
                    .reduceByKey(Long::sum, partitions);
            Map<String, Long> byWord = new TreeMap<>(counts.collectAsMap());
            System.out.println("lines=" + count);
            System.out.println("distinct=" + byWord.size());
            System.out.println("counts=" + format(byWord));
            Thread.sleep(lingerMillis);
        }
    }

    /** {@code w0:c0,w1:c1,...}: the same text for the same counts, whoever prints it. */
    public static String format(Map<String, Long> counts) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(counts).forEach((word, n) -> out.append(out.isEmpty() ? "" : ",").append(word).append(':')
                .append(n));
        return out.toString();
    }
}
