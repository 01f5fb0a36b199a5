/*
 * libmbus side of bench/decode.bench.ts, compiled at bench time against the libmbus sources that the
 * node-mbus package ships (node_modules/node-mbus/libmbus); the binary goes to a temp dir, never the repo.
 *
 *   harness values SECONDS FILE   full value decoding in a loop over FILE's telegrams (one hex frame a
 *                                 line): mbus_parse + mbus_frame_data_parse + mbus_parse_variable_record
 *                                 per record (mbus_parse_fixed_record for fixed data). Prints
 *                                 "<telegrams> <cpu seconds> <checksum>" on stdout.
 *   harness xml                   whole process: hex frames on stdin, one a line; prints
 *                                 mbus_frame_data_xml_normalized of each on stdout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mbus/mbus-protocol-aux.h>
#include <mbus/mbus-protocol.h>

#define MAX_FRAME 512
#define MAX_TELEGRAMS 4096

typedef struct {
    unsigned char bytes[MAX_FRAME];
    size_t length;
} telegram;

static size_t from_hex(const char *line, unsigned char *out) {
    return mbus_hex2bin(out, MAX_FRAME, (const unsigned char *)line, strlen(line));
}

/* One full decode; adds the numeric values to *sink so nothing is optimised away. Returns 0 on success. */
static int decode_values(const telegram *t, double *sink) {
    mbus_frame frame;
    mbus_frame_data data;
    memset(&frame, 0, sizeof(frame));
    memset(&data, 0, sizeof(data));
    if (mbus_parse(&frame, (unsigned char *)t->bytes, t->length) != 0) return -1;
    if (mbus_frame_data_parse(&frame, &data) != 0) return -1;
    if (data.type == MBUS_DATA_TYPE_VARIABLE) {
        for (mbus_data_record *r = data.data_var.record; r; r = r->next) {
            mbus_record *v = mbus_parse_variable_record(r);
            if (v) {
                if (v->is_numeric) *sink += v->value.real_val;
                mbus_record_free(v);
            }
        }
        if (data.data_var.record) mbus_data_record_free(data.data_var.record);
    } else if (data.type == MBUS_DATA_TYPE_FIXED) {
        mbus_record *a = mbus_parse_fixed_record(data.data_fix.status, data.data_fix.cnt1_type, data.data_fix.cnt1_val);
        mbus_record *b = mbus_parse_fixed_record(data.data_fix.status, data.data_fix.cnt2_type, data.data_fix.cnt2_val);
        if (a) { *sink += a->value.real_val; mbus_record_free(a); }
        if (b) { *sink += b->value.real_val; mbus_record_free(b); }
    }
    return 0;
}

static int values(double seconds, const char *path) {
    static telegram ts[MAX_TELEGRAMS];
    static char line[4 * MAX_FRAME];
    size_t n = 0;
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); return 2; }
    while (n < MAX_TELEGRAMS && fgets(line, sizeof(line), f)) {
        size_t len = from_hex(line, ts[n].bytes);
        if (len > 0) ts[n++].length = len;
    }
    fclose(f);
    double sink = 0;
    long count = 0;
    clock_t c0 = clock();
    clock_t limit = (clock_t)(seconds * CLOCKS_PER_SEC);
    while (clock() - c0 < limit) {
        for (int round = 0; round < 50; round++)
            for (size_t i = 0; i < n; i++)
                if (decode_values(&ts[i], &sink) == 0) count++;
    }
    double cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
    printf("%ld %.6f %.3f\n", count, cpu, sink);
    return 0;
}

static int xml(void) {
    static char line[4 * MAX_FRAME];
    static telegram t;
    while (fgets(line, sizeof(line), stdin)) {
        t.length = from_hex(line, t.bytes);
        if (t.length == 0) continue;
        mbus_frame frame;
        mbus_frame_data data;
        memset(&frame, 0, sizeof(frame));
        memset(&data, 0, sizeof(data));
        if (mbus_parse(&frame, t.bytes, t.length) != 0 || mbus_frame_data_parse(&frame, &data) != 0) {
            fputs("<error/>\n", stdout);
            continue;
        }
        char *x = mbus_frame_data_xml_normalized(&data);
        if (x) { fputs(x, stdout); free(x); }
        if (data.type == MBUS_DATA_TYPE_VARIABLE && data.data_var.record) mbus_data_record_free(data.data_var.record);
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 4 && strcmp(argv[1], "values") == 0) return values(atof(argv[2]), argv[3]);
    if (argc >= 2 && strcmp(argv[1], "xml") == 0) return xml();
    fputs("usage: harness values SECONDS FILE | harness xml < FILE\n", stderr);
    return 2;
}
