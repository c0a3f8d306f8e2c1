package io.crmkit.rules.pool;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.IdGenerator;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.TransactionWork;
import io.crmkit.spi.account.AccountStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store seen through a wrapper that counts account queries and makes updates of chosen accounts
 * fail, as a broken record or a failing database row would.
 */
final class InterceptingStore implements CrmStore {
    final AtomicLong accountQueries = new AtomicLong();
    final Set<AccountId> failingUpdates = ConcurrentHashMap.newKeySet();
    private final CrmStore delegate;

    InterceptingStore(CrmStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T transact(TransactionWork<T> work) {
        return delegate.transact(tx -> work.run(wrap(tx)));
    }

    @Override
    public IdGenerator ids() {
        return delegate.ids();
    }

    private Transaction wrap(Transaction tx) {
        return proxy(Transaction.class, tx, (method, args) -> method.getName().equals("accounts")
                ? accounts(tx.accounts()) : null);
    }

    private AccountStore accounts(AccountStore accounts) {
        return proxy(AccountStore.class, accounts, (method, args) -> {
            if (method.getName().equals("query")) {
                accountQueries.incrementAndGet();
            }
            if (method.getName().equals("update") && failingUpdates.contains(((Account) args[0]).id())) {
                throw new RuleViolationException("test.broken-row", null, "this row cannot be written");
            }
            return null;
        });
    }

    /** What to do instead of delegating; null to delegate. */
    private interface Hook {
        Object apply(Method method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, T target, Hook hook) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            Object replaced = hook.apply(method, args);
            if (replaced != null) {
                return replaced;
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
