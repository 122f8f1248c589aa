package dev.upgrader.shell;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EstimateBuckets}: the bucket boundaries of Invenio-Upgrader.
 */
class EstimateBucketsTests {

	@ParameterizedTest
	@CsvSource({ "0, less than 1 minute", "59, less than 1 minute", "60, less than 5 minutes",
			"299, less than 5 minutes", "300, less than 10 minutes", "599, less than 10 minutes",
			"600, less than 30 minutes", "1799, less than 30 minutes", "1800, less than 1 hour",
			"3599, less than 1 hour", "3600, less than 3 hours", "10799, less than 3 hours", "10800, less than 6 hours",
			"21600, less than 12 hours", "43200, less than 1 day", "86399, less than 1 day", "86400, more than 1 day" })
	void bucketOfAnEstimateFollowsTheOriginalsBoundaries(long seconds, String bucket) {
		assertThat(EstimateBuckets.bucket(Duration.ofSeconds(seconds))).isEqualTo(bucket);
	}

}
