package dev.upgrader.rulebreaking;

/**
 * Application code, which an upgrade must not use.
 */
public class PriceService {

	public long launchPriceCents() {
		return 999;
	}

}
