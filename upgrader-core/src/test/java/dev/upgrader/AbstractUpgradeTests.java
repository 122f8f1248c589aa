package dev.upgrader;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.cglib.proxy.Enhancer;
import org.springframework.cglib.proxy.NoOp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AbstractUpgrade}.
 */
class AbstractUpgradeTests {

	@Test
	void membersAreTheConstructorArgumentsAndTheIdIsTheClassName() {
		Upgrade upgrade = new shop_2026_02_03_add_price("Add a price\nIn cents.", "shop_2026_01_10_create",
				"billing_2026_01_20_create");
		assertThat(upgrade.id()).isEqualTo("shop_2026_02_03_add_price");
		assertThat(upgrade.info()).isEqualTo("Add a price\nIn cents.");
		assertThat(upgrade.dependsOn()).containsExactly("shop_2026_01_10_create", "billing_2026_01_20_create");
		assertThat(upgrade.estimate()).isEqualTo(Duration.ofSeconds(1));
		assertThat(upgrade).hasToString("shop_2026_02_03_add_price");
	}

	@Test
	void firstUpgradeOfARepositoryHasNoDependencies() {
		assertThat(new shop_2026_02_03_add_price("Add a price").dependsOn()).isEmpty();
	}

	@Test
	void estimateIsTheOneGiven() {
		assertThat(new shop_2026_02_03_add_price("Add a price", Duration.ofMinutes(3), "shop_2026_01_10_create"))
			.satisfies((upgrade) -> {
				assertThat(upgrade.estimate()).isEqualTo(Duration.ofMinutes(3));
				assertThat(upgrade.dependsOn()).containsExactly("shop_2026_01_10_create");
			});
		assertThat(new shop_2026_02_03_add_price("Instant", Duration.ZERO).estimate()).isZero();
	}

	@Test
	void dependenciesCannotBeChangedAfterwards() {
		String[] dependsOn = { "shop_2026_01_10_create" };
		Upgrade upgrade = new shop_2026_02_03_add_price("Add a price", dependsOn);
		dependsOn[0] = "shop_2026_01_11_other";
		assertThat(upgrade.dependsOn()).containsExactly("shop_2026_01_10_create");
		assertThat(upgrade.dependsOn()).isUnmodifiable();
	}

	@Test
	void blankOrNullInfoIsRefusedNamingTheClass() {
		String prefix = "Upgrade class " + shop_2026_02_03_add_price.class.getName() + " passes a blank info";
		assertThatIllegalArgumentException().isThrownBy(() -> new shop_2026_02_03_add_price(" \n"))
			.withMessage(prefix + " to the AbstractUpgrade constructor; describe the upgrade");
		assertThatIllegalArgumentException().isThrownBy(() -> new shop_2026_02_03_add_price(null))
			.withMessageStartingWith(prefix);
	}

	@Test
	void nullOrBlankDependencyIsRefusedNamingTheClass() {
		String prefix = "Upgrade class " + shop_2026_02_03_add_price.class.getName();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new shop_2026_02_03_add_price("Add a price", "shop_2026_01_10_create", null))
			.withMessage(prefix + " passes a null dependency to the AbstractUpgrade constructor; pass upgrade ids");
		assertThatIllegalArgumentException().isThrownBy(() -> new shop_2026_02_03_add_price("Add a price", ""))
			.withMessageStartingWith(prefix + " passes a blank dependency");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new shop_2026_02_03_add_price("Add a price", (String[]) null))
			.withMessage(prefix + " passes a null dependsOn array to the AbstractUpgrade constructor;"
					+ " pass no dependency for a first upgrade");
	}

	@Test
	void negativeOrNullEstimateIsRefusedNamingTheClass() {
		String prefix = "Upgrade class " + shop_2026_02_03_add_price.class.getName();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new shop_2026_02_03_add_price("Add a price", Duration.ofSeconds(-5)))
			.withMessage(prefix + " passes the estimate PT-5S to the AbstractUpgrade constructor;"
					+ " pass zero or a positive duration");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new shop_2026_02_03_add_price("Add a price", (Duration) null))
			.withMessageStartingWith(prefix + " passes the estimate null");
	}

	@Test
	void classGeneratedByCglibKeepsTheIdAndTheNameOfTheUserClass() {
		Upgrade upgrade = cglibSubclass("Add a price");
		assertThat(upgrade.getClass().getName()).contains("$$");
		assertThat(upgrade.id()).isEqualTo("shop_2026_02_03_add_price");
		assertThatException().isThrownBy(() -> cglibSubclass(""))
			.havingRootCause()
			.isInstanceOf(IllegalArgumentException.class)
			.withMessageStartingWith("Upgrade class " + shop_2026_02_03_add_price.class.getName() + " passes");
	}

	private static Upgrade cglibSubclass(String info) {
		Enhancer enhancer = new Enhancer();
		enhancer.setSuperclass(shop_2026_02_03_add_price.class);
		enhancer.setCallback(NoOp.INSTANCE);
		return (Upgrade) enhancer.create(new Class<?>[] { String.class, String[].class },
				new Object[] { info, new String[0] });
	}

	public static class shop_2026_02_03_add_price extends AbstractUpgrade {

		shop_2026_02_03_add_price(String info, String... dependsOn) {
			super(info, dependsOn);
		}

		shop_2026_02_03_add_price(String info, Duration estimate, String... dependsOn) {
			super(info, estimate, dependsOn);
		}

		@Override
		public void doUpgrade(UpgradeContext context) {
		}

	}

}
