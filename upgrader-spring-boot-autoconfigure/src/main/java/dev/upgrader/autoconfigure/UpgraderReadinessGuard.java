package dev.upgrader.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;

/**
 * Holds the application's readiness at {@link ReadinessState#REFUSING_TRAFFIC} while the
 * start-up run is under way and, once it failed with
 * {@code upgrader.on-failure=refuse-traffic}, for good.
 * <p>
 * Spring Boot publishes {@link ReadinessState#ACCEPTING_TRAFFIC} after every runner has
 * returned, so after a failed run this guard answers that event with
 * {@link ReadinessState#REFUSING_TRAFFIC}. It must see the event after the
 * {@link ApplicationAvailability} bean did: it is created after that bean (it takes it as
 * a collaborator), which puts it later among listeners of the same order.
 * <p>
 * Auto-configured with the {@link UpgraderApplicationRunner}; a replacement runner takes
 * this bean by injection.
 *
 * @since 0.1.0
 */
public final class UpgraderReadinessGuard implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

	private static final Log logger = LogFactory.getLog(UpgraderReadinessGuard.class);

	private final ApplicationEventPublisher publisher;

	private final @Nullable ApplicationAvailability availability;

	private volatile @Nullable Throwable failure;

	UpgraderReadinessGuard(ApplicationEventPublisher publisher, @Nullable ApplicationAvailability availability) {
		this.publisher = publisher;
		this.availability = availability;
	}

	/**
	 * Refuses traffic while the start-up run is under way.
	 */
	void runStarting() {
		AvailabilityChangeEvent.publish(this.publisher, this, ReadinessState.REFUSING_TRAFFIC);
	}

	/**
	 * Keeps refusing traffic from now on.
	 * @param failure why
	 */
	void runFailed(Throwable failure) {
		this.failure = failure;
		AvailabilityChangeEvent.publish(this.publisher, this, ReadinessState.REFUSING_TRAFFIC);
	}

	@Override
	public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
		Throwable failure = this.failure;
		if (failure != null && event.getState() == ReadinessState.ACCEPTING_TRAFFIC && accepting()) {
			logger.warn("Refusing traffic: the start-up upgrade run failed (" + failure.getMessage() + ")");
			AvailabilityChangeEvent.publish(this.publisher, this, ReadinessState.REFUSING_TRAFFIC);
		}
	}

	private boolean accepting() {
		return this.availability == null || this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
	}

}
