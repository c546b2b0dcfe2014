package io.sandkernel.kernel.fd;

import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;
import java.time.Instant;

/** Linux device numbers of the kernel's character devices, and {@code makedev(3)}. */
public final class DeviceNumbers {
    private DeviceNumbers() {}

    /** Major number of the memory devices: null 1,3; zero 1,5; full 1,7; random 1,8; urandom 1,9. */
    public static final int MEM_MAJOR = 1;
    /** Major number of {@code /dev/tty} (5,0). */
    public static final int TTYAUX_MAJOR = 5;
    /** Major number of the pseudo-terminal slaves {@code /dev/pts/N} (136,N). */
    public static final int PTS_MAJOR = 136;
    /** The device id ({@code st_dev}) of the devpts filesystem the terminals live on. */
    public static final long DEVPTS_DEV = makedev(0, 24);

    /** The device id ({@code st_dev}) {@code /dev}'s files report when opened without a walk. */
    public static final long DEVTMPFS_DEV = makedev(0, 5);

    /** {@code makedev(3)}: Linux's encoding of a major and a minor number in a {@code dev_t}. */
    public static long makedev(int major, int minor) {
        long ma = major & 0xFFFFFFFFL;
        long mi = minor & 0xFFFFFFFFL;
        return (mi & 0xFF) | ((ma & 0xFFF) << 8) | ((mi & ~0xFFL) << 12) | ((ma & ~0xFFFL) << 32);
    }

    /** {@code major(3)}. */
    public static int major(long dev) {
        return (int) (((dev >>> 8) & 0xFFF) | ((dev >>> 32) & ~0xFFFL));
    }

    /** {@code minor(3)}. */
    public static int minor(long dev) {
        return (int) ((dev & 0xFF) | ((dev >>> 12) & ~0xFFL));
    }

    /**
     * What {@code stat} reports for pseudo-terminal {@code index}: a character device 136,index,
     * mode 0620, owned by {@code uid}.
     */
    public static Stat terminalStat(int index, int uid, int gid, Instant time) {
        return new Stat(DEVPTS_DEV, index + 3L, FileType.CHARACTER_DEVICE.modeBits() | 0620, 1, uid, gid,
                makedev(PTS_MAJOR, index), 0, time, time, time);
    }
}
