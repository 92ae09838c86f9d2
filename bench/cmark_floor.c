/*
 * The floor for `golint check`: cmark-gfm alone, with the extensions golint attaches (table,
 * tasklist, strikethrough), parsing every file of a directory on N threads and freeing the tree.
 * No walk over a repository, no rules, no output. bench/run compiles and times it.
 *
 *     cmark_floor DIRECTORY THREADS
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

enum { MAX_FILES = 100000, MAX_BYTES = 1 << 24 };

static char *paths[MAX_FILES];
static int file_count, thread_count;

static void *parse_every_nth(void *argument) {
    long first = (long)argument;
    char *buffer = malloc(MAX_BYTES);
    const char *names[] = {"table", "tasklist", "strikethrough"};
    for (int index = (int)first; index < file_count; index += thread_count) {
        FILE *file = fopen(paths[index], "rb");
        if (!file) continue;
        size_t length = fread(buffer, 1, MAX_BYTES, file);
        fclose(file);
        cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
        for (int name = 0; name < 3; name++)
            cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(names[name]));
        cmark_parser_feed(parser, buffer, length);
        cmark_node_free(cmark_parser_finish(parser));
        cmark_parser_free(parser);
    }
    free(buffer);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: cmark_floor DIRECTORY THREADS\n"); return 2; }
    thread_count = atoi(argv[2]);
    if (thread_count < 1 || thread_count > 64) thread_count = 1;
    DIR *directory = opendir(argv[1]);
    if (!directory) { perror(argv[1]); return 2; }
    struct dirent *entry;
    while ((entry = readdir(directory)) && file_count < MAX_FILES) {
        if (entry->d_name[0] == '.') continue;
        paths[file_count] = malloc(4096);
        snprintf(paths[file_count++], 4096, "%s/%s", argv[1], entry->d_name);
    }
    closedir(directory);
    cmark_gfm_core_extensions_ensure_registered();
    pthread_t threads[64];
    for (long thread = 0; thread < thread_count; thread++) pthread_create(&threads[thread], NULL, parse_every_nth, (void *)thread);
    for (int thread = 0; thread < thread_count; thread++) pthread_join(threads[thread], NULL);
    return 0;
}
