package org.bipm.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.bipm.platform.kernel.messaging.Notifications;
import org.bipm.platform.testing.PlatformStack;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

@QuarkusTest
@WithTestResource(PlatformStack.class)
class NotificationsTest {

    @Inject
    Notifications notifications;
    @Inject
    DataSource dataSource;

    @Test
    void a_notification_is_sent_after_its_transaction_commits_and_never_for_a_rollback() throws Exception {
        String channel = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection listener = dataSource.getConnection(); Statement listen = listener.createStatement()) {
            listen.execute("listen " + channel);
            List<String> received = new ArrayList<>();

            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    notifications.afterCommit(channel, "rolled-back");
                    throw new IllegalStateException("the write fails");
                });
            } catch (IllegalStateException expected) {
                // the transaction rolled back: nothing may be announced
            }
            QuarkusTransaction.requiringNew().run(() -> {
                notifications.afterCommit(channel, "first");
                notifications.afterCommit(channel, "second");
            });

            await().atMost(Duration.ofSeconds(10)).until(() -> {
                PGNotification[] batch = listener.unwrap(PGConnection.class).getNotifications(100);
                if (batch != null) {
                    for (PGNotification notification : batch) {
                        received.add(notification.getParameter());
                    }
                }
                return received.size() >= 2;
            });
            PGNotification[] late = listener.unwrap(PGConnection.class).getNotifications(500);
            assertThat(late).isNullOrEmpty();
            assertThat(received).containsExactly("first", "second");
            listen.execute("unlisten *"); // the connection goes back to the pool
        }
    }
}
