package dev.upgrader;

/**
 * An upgrade id that has neither the dated nor the release form.
 *
 * @since 0.1.0
 */
public class InvalidUpgradeIdException extends UpgraderException {

	private final String id;

	InvalidUpgradeIdException(String id, String reason) {
		super("Invalid upgrade id '" + id + "': " + reason);
		this.id = id;
	}

	/**
	 * The offending id.
	 * @return the id as given
	 */
	public String getId() {
		return this.id;
	}

}
