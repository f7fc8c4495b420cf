package dispatch.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server's metrics, in Prometheus's text format at /metrics: requests by route, method
 * and status with their latency, the page cache, overload rejections, Jetty's threads and the
 * JVM. One registry per server, so that tests running several servers keep them apart.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public Metrics(Server server) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        // The GC binder listens to the JVM until closed; close it with the server.
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopped(LifeCycle event) {
                gc.close();
            }
        });
        if (server.getThreadPool() instanceof QueuedThreadPool threads) {
            Gauge.builder("jetty.threads.current", threads, QueuedThreadPool::getThreads)
                .description("Threads in Jetty's pool").register(registry);
            Gauge.builder("jetty.threads.busy", threads, QueuedThreadPool::getBusyThreads)
                .description("Threads serving requests").register(registry);
            Gauge.builder("jetty.threads.max", threads, QueuedThreadPool::getMaxThreads)
                .description("The pool's limit").register(registry);
            Gauge.builder("jetty.threads.jobs.queued", threads, QueuedThreadPool::getQueueSize)
                .description("Jobs waiting for a thread").register(registry);
        }
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Everything, in the Prometheus text exposition format. */
    String scrape() {
        return registry.scrape();
    }
}
