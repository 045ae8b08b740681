package dev.culprit.cli;

import dev.culprit.schedule.CulpritService;
import dev.culprit.spool.SpoolDirectory;
import dev.culprit.store.Database;
import dev.culprit.store.Outbox;
import dev.culprit.store.ServiceLock;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service as {@link Culprit#openService} wired it: the open store, the spool and the
 * service. Closing it closes the store and gives up the state directory's lock.
 */
final class ServiceParts implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceParts.class);

    final Database database;
    final Outbox outbox;
    final SpoolDirectory spool;
    final CulpritService service;
    /** This process's name in lease columns and, in a cluster, as a Quartz node. */
    final String instance;
    private final boolean clustered;
    /** The state directory's service lock, or null (dry run, or a database given by URL). */
    private final ServiceLock lock;

    ServiceParts(Database database, Outbox outbox, SpoolDirectory spool, CulpritService service, String instance,
            boolean clustered, ServiceLock lock) {
        this.database = database;
        this.outbox = outbox;
        this.spool = spool;
        this.service = service;
        this.instance = instance;
        this.clustered = clustered;
        this.lock = lock;
    }

    /** Whether this process is a node of a cluster: {@code state.cluster} and not a dry run. */
    boolean clustered() {
        return clustered;
    }

    /** Names this process in lease columns: host, pid and a random part. */
    static String instanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String pid = Long.toString(ManagementFactory.getRuntimeMXBean().getPid());
        return host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() {
        database.close();
        if (lock != null) {
            lock.close();
        }
        log.debug("store closed");
    }
}
