package org.bipm.cbkt.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.bipm.platform.kernel.eventstore.EventStoreFailure;

/**
 * The {@code person_keys} table: one data key per person (wrapped by the master key), found by the
 * person reference or by the keyed hash of the e-mail address. Never published; deleting a row is
 * the erasure of that person's name and e-mail everywhere they were sealed.
 */
@ApplicationScoped
public class PersonKeys {

    private final DataSource dataSource;
    private final MasterKey master;
    private final SecureRandom random = new SecureRandom();

    public PersonKeys(DataSource dataSource, MasterKey master) {
        this.dataSource = dataSource;
        this.master = master;
    }

    /** The key of the person with this e-mail address, made at their first application. */
    public PersonKey forEmail(String email) {
        byte[] index = master.emailIndex(email);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<PersonKey> known = byIndex(index);
            if (known.isPresent()) {
                return known.get();
            }
            String personRef = UUID.randomUUID().toString();
            byte[] secret = new byte[PersonKey.SECRET_BYTES];
            random.nextBytes(secret);
            // a concurrent first application of the same address wins the race; both then use its key
            update("insert into person_keys (person_ref, email_index, wrapped_key) values (?, ?, ?) on conflict (email_index) do nothing",
                    personRef, index, master.wrap(personRef, secret));
            return byIndex(index).orElseThrow();
        });
    }

    public Optional<PersonKey> find(String personRef) {
        return find(List.of(personRef)).values().stream().findFirst();
    }

    /** The keys of these persons that still exist (an erased person has none). */
    public Map<String, PersonKey> find(Collection<String> personRefs) {
        Map<String, PersonKey> keys = new HashMap<>();
        if (personRefs.isEmpty()) {
            return keys;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select person_ref, wrapped_key from person_keys where person_ref = any(?)")) {
            select.setArray(1, connection.createArrayOf("text", personRefs.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String ref = rows.getString(1);
                    keys.put(ref, new PersonKey(ref, master.unwrap(ref, rows.getBytes(2))));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new EventStoreFailure("reading person keys failed", e);
        }
    }

    /** Destroys the person's key, in the transaction that records the erasure. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void destroy(String personRef) {
        update("delete from person_keys where person_ref = ?", personRef);
    }

    private Optional<PersonKey> byIndex(byte[] index) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select person_ref, wrapped_key from person_keys where email_index = ?")) {
            select.setBytes(1, index);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String ref = rows.getString(1);
                return Optional.of(new PersonKey(ref, master.unwrap(ref, rows.getBytes(2))));
            }
        } catch (SQLException e) {
            throw new EventStoreFailure("reading a person key failed", e);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new EventStoreFailure("writing person keys failed", e);
        }
    }
}
