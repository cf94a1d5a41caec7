package io.drover.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.ExternalClusterManager;
import org.apache.spark.scheduler.SchedulerBackend;
import org.apache.spark.scheduler.TaskScheduler;
import org.apache.spark.scheduler.TaskSchedulerImpl;
import scala.Tuple2;

/**
 * Spark's cluster manager for {@code drover://} master URLs, found by Spark's {@code ServiceLoader} lookup of
 * {@code ExternalClusterManager} (as Kubernetes' {@code KubernetesClusterManager} is): Spark's own task
 * scheduler, with a {@link DroverSchedulerBackend} for executors.
 */
public final class DroverClusterManager implements ExternalClusterManager {

    @Override
    public boolean canCreate(String masterURL) {
        return DroverMasterUrl.matches(masterURL);
    }

    @Override
    public TaskScheduler createTaskScheduler(SparkContext sc, String masterURL) {
        return new TaskSchedulerImpl(sc);
    }

    @Override
    public SchedulerBackend createSchedulerBackend(SparkContext sc, String masterURL, TaskScheduler scheduler) {
        Map<String, String> conf = properties(sc.conf());
        String token = DroverCredentials.resolve(System.getenv(), conf).orElse(null);
        DroverConnection drover = new DroverConnection(DroverMasterUrl.httpUrls(masterURL), token);
        return new DroverSchedulerBackend((TaskSchedulerImpl) scheduler, sc, drover);
    }

    @Override
    public void initialize(TaskScheduler scheduler, SchedulerBackend backend) {
        ((TaskSchedulerImpl) scheduler).initialize(backend);
    }

    static Map<String, String> properties(SparkConf conf) {
        Map<String, String> properties = new HashMap<>();
        for (Tuple2<String, String> entry : conf.getAll()) {
            properties.put(entry._1(), entry._2());
        }
        return properties;
    }
}
