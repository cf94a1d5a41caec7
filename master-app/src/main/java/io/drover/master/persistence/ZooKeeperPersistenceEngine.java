package io.drover.master.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Recovery mode ZOOKEEPER: the state in ZooKeeper, so whichever master wins the election can read it. Each
 * record is a node {@code <dir>/state/<kind>/<name>} (an executor {@code app-…/3} is named {@code app-…:3}),
 * and the leader epoch is the node {@code <dir>/epoch}.
 *
 * <p>Fencing: taking over sets the epoch node with a compare-and-set, and every write is a ZooKeeper
 * transaction that checks the epoch node's version first. A leader that was deposed without knowing it (a
 * pause, a partition) finds its next write refused, and steps down; nothing it decides after the new
 * leader took over is kept. A batch bigger than ZooKeeper takes in one request goes in several
 * transactions, each fenced; the reader tolerates a batch cut short by a crash between them.
 */
public final class ZooKeeperPersistenceEngine implements PersistenceEngine {

    /** ZooKeeper refuses requests over about 1 MB (jute.maxbuffer); transactions stay well below. */
    static final int MAX_TRANSACTION_BYTES = 512 * 1024;
    private static final List<String> KINDS = List.of("worker", "driver", "app", "executor", "meta");
    private static final long READ_TIMEOUT_SECONDS = 60;

    private final CuratorFramework client;
    private final String root;
    private final String epochPath;
    private final Set<String> present = new HashSet<>();
    private int epochVersion = -1;

    public ZooKeeperPersistenceEngine(CuratorFramework client, String dir) {
        this.client = client;
        this.root = dir.equals("/") ? "" : dir;
        this.epochPath = root + "/epoch";
    }

    @Override
    public long takeOver() {
        try {
            ensure(epochPath);
            for (String kind : KINDS) {
                ensure(root + "/state/" + kind);
            }
            for (int attempt = 0; ; attempt++) {
                Stat stat = new Stat();
                byte[] stored = client.getData().storingStatIn(stat).forPath(epochPath);
                long epoch = Epochs.decode(stored, describe()) + 1;
                try {
                    epochVersion = client.setData().withVersion(stat.getVersion())
                            .forPath(epochPath, Epochs.encode(epoch)).getVersion();
                    return epoch;
                } catch (KeeperException.BadVersionException e) {
                    if (attempt >= 3) {
                        throw e; // another master keeps taking over at the same time: let the election settle it
                    }
                }
            }
        } catch (Exception e) {
            throw new PersistenceException("Could not take over the state in " + describe() + ": " + e, e);
        }
    }

    private void ensure(String path) throws Exception {
        try {
            client.create().creatingParentsIfNeeded().forPath(path, new byte[0]);
        } catch (KeeperException.NodeExistsException e) {
            // there already: fine
        }
    }

    @Override
    public SortedMap<String, byte[]> readAll() {
        Map<String, byte[]> records = new ConcurrentHashMap<>();
        AtomicReference<String> failure = new AtomicReference<>();
        try {
            List<String> paths = new ArrayList<>();
            for (String kind : KINDS) {
                for (String name : client.getChildren().forPath(root + "/state/" + kind)) {
                    paths.add(root + "/state/" + kind + "/" + name);
                }
            }
            // Asynchronous reads, all in flight at once: a take-over reads thousands of nodes.
            CountDownLatch done = new CountDownLatch(paths.size());
            for (String path : paths) {
                client.getData().inBackground((c, event) -> {
                    if (event.getResultCode() == KeeperException.Code.OK.intValue()) {
                        records.put(keyOf(event.getPath()), event.getData());
                    } else if (event.getResultCode() != KeeperException.Code.NONODE.intValue()) {
                        failure.compareAndSet(null, event.getPath() + ": "
                                + KeeperException.Code.get(event.getResultCode()));
                    }
                    done.countDown();
                }).forPath(path);
            }
            if (!done.await(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new PersistenceException("Reading the state in " + describe() + " took over "
                        + READ_TIMEOUT_SECONDS + " s");
            }
        } catch (PersistenceException e) {
            throw e;
        } catch (Exception e) {
            throw new PersistenceException("Could not read the state in " + describe() + ": " + e, e);
        }
        if (failure.get() != null) {
            throw new PersistenceException("Could not read the state in " + describe() + ": " + failure.get());
        }
        present.clear();
        present.addAll(records.keySet());
        return Collections.unmodifiableSortedMap(new TreeMap<>(records));
    }

    @Override
    public void write(WriteBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (epochVersion < 0) {
            throw new PersistenceException("Writing to " + describe() + " before taking it over");
        }
        try {
            List<CuratorOp> ops = new ArrayList<>();
            long bytes = 0;
            boolean epochInChunk = false;
            Set<String> created = new HashSet<>();
            Set<String> deleted = new HashSet<>();
            for (Map.Entry<String, byte[]> change : batch.changes().entrySet()) {
                String key = change.getKey();
                byte[] value = change.getValue();
                if (key.equals(Epochs.KEY)) {
                    ops.add(0, client.transactionOp().setData().withVersion(epochVersion).forPath(epochPath, value));
                    epochInChunk = true;
                } else if (value == null) {
                    if (present.contains(key)) {
                        ops.add(client.transactionOp().delete().forPath(pathOf(key)));
                        deleted.add(key);
                    }
                } else if (present.contains(key) && !deleted.contains(key)) {
                    ops.add(client.transactionOp().setData().forPath(pathOf(key), value));
                } else {
                    ops.add(client.transactionOp().create().forPath(pathOf(key), value));
                    created.add(key);
                }
                bytes += key.length() + (value == null ? 0 : value.length);
                if (bytes >= MAX_TRANSACTION_BYTES) {
                    commit(ops, epochInChunk);
                    ops = new ArrayList<>();
                    bytes = 0;
                    epochInChunk = false;
                }
            }
            if (!ops.isEmpty()) {
                commit(ops, epochInChunk);
            }
            present.removeAll(deleted);
            present.addAll(created);
        } catch (PersistenceException e) {
            throw e;
        } catch (KeeperException.BadVersionException e) {
            throw new PersistenceException("Another master has taken over " + describe()
                    + " (the leader epoch moved on): this one may no longer write", e);
        } catch (Exception e) {
            throw new PersistenceException("Could not write " + batch.size() + " records to " + describe() + ": "
                    + e, e);
        }
    }

    /** One fenced transaction: it checks the epoch node, or sets it (whose version then grows by one). */
    private void commit(List<CuratorOp> ops, boolean setsEpoch) throws Exception {
        List<CuratorOp> fenced = new ArrayList<>(ops.size() + 1);
        if (!setsEpoch) {
            fenced.add(client.transactionOp().check().withVersion(epochVersion).forPath(epochPath));
        }
        fenced.addAll(ops);
        client.transaction().forOperations(fenced);
        if (setsEpoch) {
            epochVersion++;
        }
    }

    private String pathOf(String key) {
        int slash = key.indexOf('/');
        return root + "/state/" + key.substring(0, slash) + "/" + key.substring(slash + 1).replace('/', ':');
    }

    private String keyOf(String path) {
        String rest = path.substring((root + "/state/").length());
        int slash = rest.indexOf('/');
        return rest.substring(0, slash) + "/" + rest.substring(slash + 1).replace(':', '/');
    }

    @Override
    public String describe() {
        return "ZooKeeper " + client.getZookeeperClient().getCurrentConnectionString() + " at " + (root.isEmpty()
                ? "/" : root);
    }

    @Override
    public boolean durable() {
        return true;
    }

    /** The client belongs to the leadership, which closes it. */
    @Override
    public void close() {
    }
}
