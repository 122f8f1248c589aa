package dev.upgrader.engine;

import java.net.InetAddress;

/**
 * The name of this host, recorded in log rows and lock holders.
 */
final class HostName {

	private HostName() {
	}

	static String get() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			String env = System.getenv("HOSTNAME");
			return (env != null) ? env : "unknown";
		}
	}

}
