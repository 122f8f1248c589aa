package dev.upgrader.engine;

/**
 * The upgrade ids of a graph by index, and the index of each id, in compact arrays: an
 * open-addressing table of {@code long}s that hold an id's hash and its index side by
 * side, and per index the id's first 16 characters packed into two {@code long}s, which
 * order nearly any two ids without reading them. A lookup reads one slot and, when the
 * hashes match, the id it names; a {@code HashMap} reads a table slot, an entry object
 * and the value, scattered over the heap, and ordering by id read a node, its id and the
 * id's characters: with 100,000 upgrades each of those reads missed the processor's
 * caches (#14).
 */
final class IdTable {

	static final int ABSENT = -1;

	/** Per slot: the hash in the high half, the index plus one in the low; 0 is empty. */
	private final long[] slots;

	private final String[] ids;

	/** Per index, characters 0–7 and 8–15 of the id, one byte each, 0 past its end. */
	private final long[] prefixes;

	private final int shift;

	/**
	 * Creates an empty table.
	 * @param capacity how many ids it will hold at most
	 */
	IdTable(int capacity) {
		// At most 80% full: a probe then reads about three slots, mostly of one cache
		// line, and a smaller table stays in the caches longer (#14).
		int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, capacity + capacity / 4)));
		this.slots = new long[1 << bits];
		this.ids = new String[capacity];
		this.prefixes = new long[2 * capacity];
		this.shift = 32 - bits;
	}

	/**
	 * Adds an id unless it is there already.
	 * @param id the id
	 * @param index its index, below the capacity
	 * @return the index the id already had, or {@link #ABSENT} when it was added
	 */
	int putIfAbsent(String id, int index) {
		int hash = id.hashCode();
		int mask = this.slots.length - 1;
		for (int slot = first(hash);; slot = (slot + 1) & mask) {
			long entry = this.slots[slot];
			if (entry == 0) {
				this.slots[slot] = ((long) hash << 32) | (index + 1);
				this.ids[index] = id;
				this.prefixes[2 * index] = packed(id, 0);
				this.prefixes[2 * index + 1] = packed(id, 8);
				return ABSENT;
			}
			int existing = matching(entry, hash, id);
			if (existing != ABSENT) {
				return existing;
			}
		}
	}

	/**
	 * Looks an id up.
	 * @param id the id
	 * @return its index, or {@link #ABSENT}
	 */
	int indexOf(String id) {
		int hash = id.hashCode();
		int mask = this.slots.length - 1;
		for (int slot = first(hash);; slot = (slot + 1) & mask) {
			long entry = this.slots[slot];
			if (entry == 0) {
				return ABSENT;
			}
			int existing = matching(entry, hash, id);
			if (existing != ABSENT) {
				return existing;
			}
		}
	}

	/**
	 * Compares two ids as {@link String#compareTo} does.
	 * @param a the index of one id
	 * @param b the index of another
	 * @return negative, zero or positive as the id at {@code a} sorts before, with or
	 * after the one at {@code b}
	 */
	int compare(int a, int b) {
		// Ids are ASCII (UpgradeId accepts letters, digits and '_'): every byte is
		// below 0x80, so the packed prefixes compare as the characters do.
		int order = Long.compare(this.prefixes[2 * a], this.prefixes[2 * b]);
		if (order == 0) {
			order = Long.compare(this.prefixes[2 * a + 1], this.prefixes[2 * b + 1]);
		}
		return (order != 0) ? order : this.ids[a].compareTo(this.ids[b]);
	}

	private static long packed(String id, int from) {
		long packed = 0;
		for (int i = from; i < from + 8; i++) {
			packed = (packed << 8) | ((i < id.length()) ? id.charAt(i) : 0);
		}
		return packed;
	}

	private int matching(long entry, int hash, String id) {
		if ((int) (entry >>> 32) != hash) {
			return ABSENT;
		}
		int index = (int) entry - 1;
		// Ids from constants are usually the same object: equals() then reads nothing.
		return this.ids[index].equals(id) ? index : ABSENT;
	}

	/** Fibonacci hashing: spreads ids that differ only in their last characters. */
	private int first(int hash) {
		return (hash * 0x9E3779B9) >>> this.shift;
	}

}
