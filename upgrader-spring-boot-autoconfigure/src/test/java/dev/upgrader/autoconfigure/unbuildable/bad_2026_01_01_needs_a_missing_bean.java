package dev.upgrader.autoconfigure.unbuildable;

import dev.upgrader.AbstractUpgrade;
import dev.upgrader.UpgradeContext;

/** Needs a collaborator no context defines, so its bean cannot be created. */
public class bad_2026_01_01_needs_a_missing_bean extends AbstractUpgrade {

	public bad_2026_01_01_needs_a_missing_bean(Runnable missingCollaborator) {
		super("Cannot be built");
	}

	@Override
	public void doUpgrade(UpgradeContext context) {
	}

}
