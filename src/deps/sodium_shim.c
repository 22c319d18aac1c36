/* The two functions libsodium's Argon2id needs from its core.c and randombytes.c,
   whose other contents would link every primitive of the library. */
#include <stdlib.h>
#include <unistd.h>

void sodium_misuse(void) { abort(); }

/* getentropy: the kernel's generator natively, crypto.getRandomValues in the browser. */
void randombytes_buf(void* const buf, const size_t size) {
    unsigned char* p = buf;
    size_t done = 0;
    while (done < size) {
        size_t n = size - done > 256 ? 256 : size - done;
        if (getentropy(p + done, n) != 0) abort();
        done += n;
    }
}
