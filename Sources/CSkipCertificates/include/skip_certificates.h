/* See skip_certificates.c: linking this target into an executable is all it takes. */
#ifndef GOLINT_SKIP_CERTIFICATES_H
#define GOLINT_SKIP_CERTIFICATES_H
#endif
