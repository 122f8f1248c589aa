package dev.upgrader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifier for the {@code DataSource} the upgrades run on. Put it on one
 * {@code DataSource} bean (or its {@code @Bean} method) of an application with several:
 * the upgrades, {@code UpgradeContext.jdbc()}, the log and the lock then use that one,
 * whichever DataSource is primary. If the DataSource is meant for the upgrades only, also
 * declare it with {@code @Bean(defaultCandidate = false)} so that the application's own
 * DataSource stays its single candidate.
 *
 * @since 0.1.0
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface UpgraderDataSource {

}
