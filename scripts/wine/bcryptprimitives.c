/* A stand-in for Windows' bcryptprimitives.dll, for the Wine smoke test only
 * (scripts/release-check.sh). Go's Windows runtime (1.24 and later) loads
 * ProcessPrng from that DLL at start; Windows 10 and later ship it, Debian 12's
 * Wine 8.0 does not. It is never part of a release. */
#include <windows.h>

#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
