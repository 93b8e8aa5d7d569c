package org.bipm.platform.kernel.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

    @Test
    void a_commit_the_database_could_not_make_is_worth_waiting_for() {
        // what a transaction gets when PostgreSQL restarts between its statements and its commit
        var failedCommit = new QuarkusTransactionException(new RollbackException("ARJUNA016053: Could not commit transaction."));
        assertThat(DatabaseErrors.unavailable(failedCommit)).isTrue();
    }

    @Test
    void connection_trouble_is_worth_waiting_for_and_bad_input_is_not() {
        assertThat(DatabaseErrors.unavailable(new IllegalStateException(new SQLException("gone", "08006")))).isTrue();
        assertThat(DatabaseErrors.unavailable(new SQLException("invalid byte sequence", "22021"))).isFalse();
        assertThat(DatabaseErrors.badInput(new SQLException("invalid byte sequence", "22021"))).isTrue();
        assertThat(DatabaseErrors.unavailable(new IllegalArgumentException("no database involved"))).isFalse();
    }
}
