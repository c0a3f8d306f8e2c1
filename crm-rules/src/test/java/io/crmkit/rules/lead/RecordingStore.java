package io.crmkit.rules.lead;

import io.crmkit.spi.CrmStore;
import io.crmkit.spi.IdGenerator;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.TransactionWork;
import io.crmkit.spi.activity.ChangeLogStore;
import io.crmkit.spi.lead.LeadStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A store seen through a recorder: it notes, in order, the locks taken, the holdings and claims
 * counted and the leads updated, and can run a hook just before the next lead update (to commit a
 * competing change in between, as another instance would).
 */
final class RecordingStore implements CrmStore {
    final List<String> events = new CopyOnWriteArrayList<>();
    private final CrmStore delegate;
    private final AtomicReference<Runnable> beforeNextUpdate = new AtomicReference<>();

    RecordingStore(CrmStore delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code hook} once, just before the next lead update is handed to the store. */
    void beforeNextLeadUpdate(Runnable hook) {
        beforeNextUpdate.set(hook);
    }

    @Override
    public <T> T transact(TransactionWork<T> work) {
        return delegate.transact(tx -> work.run(recording(tx)));
    }

    @Override
    public IdGenerator ids() {
        return delegate.ids();
    }

    private Transaction recording(Transaction tx) {
        return proxy(Transaction.class, tx, (name, args) -> {
            if (name.equals("lock")) {
                events.add("lock " + args[0]);
            }
        }, (name, result) -> switch (name) {
            case "leads" -> proxy(LeadStore.class, result, (method, args) -> {
                if (method.equals("countHeld")) {
                    events.add("countHeld " + args[2]);
                } else if (method.equals("update")) {
                    Runnable hook = beforeNextUpdate.getAndSet(null);
                    if (hook != null) {
                        hook.run();
                    }
                    events.add("update");
                }
            }, (method, r) -> r);
            case "changeLog" -> proxy(ChangeLogStore.class, result, (method, args) -> {
                if (method.equals("count")) {
                    events.add("countLog");
                }
            }, (method, r) -> r);
            default -> result;
        });
    }

    private interface Before {
        void see(String method, Object[] args);
    }

    private interface After {
        Object wrap(String method, Object result);
    }

    private static <T> T proxy(Class<T> type, Object target, Before before, After after) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            before.see(method.getName(), args == null ? new Object[0] : args);
            try {
                return after.wrap(method.getName(), method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }
}
