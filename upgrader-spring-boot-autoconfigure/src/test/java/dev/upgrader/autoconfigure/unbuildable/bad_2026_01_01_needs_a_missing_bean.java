package dev.upgrader.autoconfigure.unbuildable;

import java.util.List;

import dev.upgrader.Upgrade;
import dev.upgrader.UpgradeContext;

/** Needs a collaborator no context defines, so its bean cannot be created. */
public class bad_2026_01_01_needs_a_missing_bean implements Upgrade {

	public bad_2026_01_01_needs_a_missing_bean(Runnable missingCollaborator) {
	}

	@Override
	public List<String> dependsOn() {
		return List.of();
	}

	@Override
	public String info() {
		return "Cannot be built";
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
	}

}
