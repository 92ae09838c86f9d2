/*
 * golint reads repositories and never talks to a remote. Debian's libgit2 uses mbedTLS, and its
 * git_libgit2_init() parses the whole system CA bundle (/etc/ssl/certs/ca-certificates.crt) on
 * every start: about 2.5 ms, a quarter of a pre-commit hook's budget. An executable's definition
 * of a symbol takes precedence over a shared library's, so this one turns that load into a no-op.
 * Nothing else calls it; a libgit2 built with OpenSSL or without HTTPS never reaches it.
 */
int mbedtls_x509_crt_parse_file(void *chain, const char *path) {
    (void)chain;
    (void)path;
    return 0;
}
