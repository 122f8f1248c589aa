package dev.upgrader.autoconfigure;

import java.util.List;

import dev.upgrader.UpgradeTargets;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Upgrader has tenants when {@code upgrader.tenants.schemas} lists schemas (in any of its
 * property forms) or an {@link UpgradeTargets} bean exists.
 */
class OnTenantsCondition extends AnyNestedCondition {

	OnTenantsCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(SchemasListed.class)
	static final class Schemas {

	}

	@ConditionalOnBean(UpgradeTargets.class)
	static final class Targets {

	}

	/** Binds the list, so that indexed (YAML) and comma-separated forms both count. */
	static final class SchemasListed extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			List<String> schemas = Binder.get(context.getEnvironment())
				.bind("upgrader.tenants.schemas", Bindable.listOf(String.class))
				.orElse(List.of());
			return schemas.isEmpty() ? ConditionOutcome.noMatch("no upgrader.tenants.schemas")
					: ConditionOutcome.match("upgrader.tenants.schemas " + schemas);
		}

	}

}
