package id.modo.verse.common;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

class ConstraintViolationsTests {

    @Test
    void tellsAUniqueIndexFromAForeignKeyFromTextTheColumnCannotHold() {
        DataIntegrityViolationException unique = wrapped("23505");
        DataIntegrityViolationException foreignKey = wrapped("23503");
        DataIntegrityViolationException nul = wrapped("22021");

        assertThat(ConstraintViolations.isUnique(unique)).isTrue();
        assertThat(ConstraintViolations.isForeignKey(unique)).isFalse();
        assertThat(ConstraintViolations.isForeignKey(foreignKey)).isTrue();
        assertThat(ConstraintViolations.isUnique(foreignKey)).isFalse();
        assertThat(ConstraintViolations.isUnique(nul)).as("invalid byte sequence is no 'already taken'").isFalse();
        assertThat(ConstraintViolations.isUnique(new DataIntegrityViolationException("no cause"))).isFalse();
    }

    /** As Hibernate and Spring hand it over: the driver's exception a few causes down. */
    private static DataIntegrityViolationException wrapped(String sqlState) {
        SQLException driver = new SQLException("from the driver", sqlState);
        return new DataIntegrityViolationException("could not execute statement", new RuntimeException("hibernate", driver));
    }
}
