package io.crmkit.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source that hands out the real connections of another one, but fails chosen calls with a
 * chosen SQLException: how the store's tests make a commit lose a serialization race or a connection
 * drop, which a real database does only under load.
 */
final class StoreFaults {
    private final DataSource real;
    private final Deque<Fault> faults = new ArrayDeque<>();
    final AtomicInteger connectionsBorrowed = new AtomicInteger();
    final AtomicInteger commits = new AtomicInteger();
    final AtomicInteger rollbacks = new AtomicInteger();

    /** The next call of {@code method} (on a connection, or {@code getConnection} on the data source) throws. */
    record Fault(String method, String sqlState, int vendorCode) {}

    StoreFaults(DataSource real) {
        this.real = real;
    }

    /** Queues a fault: the next call of {@code method} throws an SQLException with that state and code. */
    StoreFaults failNext(String method, String sqlState, int vendorCode) {
        synchronized (faults) {
            faults.add(new Fault(method, sqlState, vendorCode));
        }
        return this;
    }

    /** The faulty data source. */
    DataSource dataSource() {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
                connectionsBorrowed.incrementAndGet();
                fail("getConnection");
                Connection connection = (Connection) invoke(method, real, args);
                return connection(connection);
            }
            return invoke(method, real, args);
        };
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                handler);
    }

    private Connection connection(Connection real) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("commit")) {
                commits.incrementAndGet();
            } else if (name.equals("rollback") && (args == null || args.length == 0)) {
                rollbacks.incrementAndGet();
            }
            fail(name);
            return invoke(method, real, args);
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private void fail(String method) throws SQLException {
        Fault fault;
        synchronized (faults) {
            fault = faults.peek() != null && faults.peek().method().equals(method) ? faults.poll() : null;
        }
        if (fault != null) {
            throw new SQLException("injected by the test", fault.sqlState(), fault.vendorCode());
        }
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
