package dev.upgrader.engine;

import java.net.InetAddress;

/**
 * The name of this host, recorded in log rows and lock holders. Looked up once: a name
 * lookup can be slow where DNS is.
 */
final class HostName {

	static final String VALUE = lookUp();

	private HostName() {
	}

	private static String lookUp() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			String env = System.getenv("HOSTNAME");
			return (env != null) ? env : "unknown";
		}
	}

}
