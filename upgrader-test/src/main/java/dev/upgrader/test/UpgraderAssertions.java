package dev.upgrader.test;

import java.util.Collection;
import java.util.List;

import dev.upgrader.Upgrade;
import org.springframework.context.ApplicationContext;

/**
 * Entry points of the test kit's assertions, in the style of AssertJ's
 * {@code Assertions}. For example:
 *
 * <pre class="code">
 * UpgraderAssertions.assertThat(ScannedUpgrades.in("com.example.shop.upgrades"))
 *     .isValid()
 *     .hasOneRootPerRepository()
 *     .isSelfContained("com.example.shop")
 *     .releasesCoverEverything();
 * </pre>
 *
 * @since 0.1.0
 */
public final class UpgraderAssertions {

	private UpgraderAssertions() {
	}

	/**
	 * Assertions on the given upgrades.
	 * @param upgrades the upgrades, as the application has them
	 * @return the assertions
	 */
	public static UpgradesAssert assertThat(Collection<? extends Upgrade> upgrades) {
		return new UpgradesAssert(List.copyOf(upgrades));
	}

	/**
	 * Assertions on the {@link Upgrade} beans of an application context, such as the one
	 * of a {@code @SpringBootTest}.
	 * @param context the application context
	 * @return the assertions
	 */
	public static UpgradesAssert assertThat(ApplicationContext context) {
		return assertThat(context.getBeanProvider(Upgrade.class).orderedStream().toList());
	}

}
