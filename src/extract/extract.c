/*
 * extract.c — the text of an attachment, read in a separate, limited process (see extract.h).
 *
 * Parent: the bytes go to a memory file (memfd) that becomes the child's standard input; the
 * child is this program started again (/proc/self/exe extract-text KIND) with rlimits set
 * between fork and exec (only async-signal-safe calls there: the server has threads); its
 * standard output is read through a pipe with poll() until it ends, the text limit is passed
 * or the wall-clock limit runs out (then it is killed).
 * Child: reads standard input whole and writes the text (extract_pdf.c, extract_zip.c).
 */
#include "extract/extract.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/clock.h"
#include "base/mem.h"
#include "extract/extract_int.h"
#include "text/utf8.h"
#include "text/xmlerr.h"

const char *const extract_state_ids[4] = { "none", "ok", "empty", "broken" };

#define MIME_DOCX "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define MIME_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* The child's kind for a MIME type, or NULL when its text is not read. */
static const char *kind_of(const char *mime)
{
	if (strcmp(mime, "application/pdf") == 0)
		return "pdf";
	if (strcmp(mime, MIME_DOCX) == 0)
		return "docx";
	if (strcmp(mime, MIME_XLSX) == 0)
		return "xlsx";
	return NULL;
}

/* Keep text: valid UTF-8, control characters but \n \t \f removed. */
static const char *clean(struct arena *a, const char *s, size_t len, size_t *out_len)
{
	char *o = arena_alloc(a, len + 1);
	size_t k = 0;

	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t m = utf8_decode(s + i, len - i, &cp);
		if (m == 0) {
			i++;
			continue;
		}
		if (cp >= 0x20 ? cp != 0x7F : (cp == '\n' || cp == '\t' || cp == '\f')) {
			memcpy(o + k, s + i, m);
			k += m;
		}
		i += m;
	}
	o[k] = '\0';
	*out_len = k;
	return o;
}

static int has_text(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\f' && *s != '\r')
			return 1;
	return 0;
}

static void settle(struct arena *a, const char *text, size_t len, struct extract_result *out)
{
	size_t n;
	const char *t = clean(a, text, len, &n);

	if (has_text(t)) {
		out->state = EXTRACT_OK;
		out->text = t;
	} else {
		out->state = EXTRACT_EMPTY;
		out->note = "文件中没有可读取的文字（可能是扫描件）";
	}
}

static void broken(struct extract_result *out, const char *note)
{
	out->state = EXTRACT_BROKEN;
	out->text = NULL;
	out->note = note;
}

/* Run the child on data; its output in *text (malloc'd), *len bytes. Returns 0, or a note. */
static const char *run_child(const void *data, size_t len, const char *kind, char **text,
			     size_t *tlen, int *status)
{
	int in = -1, pipefd[2] = { -1, -1 }, killed = 0, st = 0;
	const char *note = NULL;
	struct buf out;
	pid_t pid;
	double deadline;

	buf_init(&out, EXTRACT_TEXT_MAX);
	*text = NULL;
	*tlen = 0;
	if ((in = memfd_create("gongkai-attachment", MFD_CLOEXEC)) < 0 ||
	    (len && write(in, data, len) != (ssize_t)len) || lseek(in, 0, SEEK_SET) != 0 ||
	    pipe2(pipefd, O_CLOEXEC) != 0) {
		note = "无法启动读取进程";
		goto out;
	}
	if ((pid = fork()) < 0) {
		note = "无法启动读取进程";
		goto out;
	}
	if (pid == 0) {
		/* only async-signal-safe calls until exec */
		struct rlimit as = { EXTRACT_MEMORY, EXTRACT_MEMORY };
		struct rlimit cpu = { EXTRACT_CPU_SECONDS, EXTRACT_CPU_SECONDS + 1 };
		struct rlimit zero = { 0, 0 };
		char *argv[] = { "gongkai", "extract-text", (char *)kind, NULL };
		if (dup2(in, 0) < 0 || dup2(pipefd[1], 1) < 0)
			_exit(127);
#if !defined(__SANITIZE_ADDRESS__)
		/* (an AddressSanitizer build maps terabytes of shadow memory: no address-space
		 * limit there; the CPU, wall-clock and size limits still hold) */
		setrlimit(RLIMIT_AS, &as);
#else
		(void)as;
#endif
		setrlimit(RLIMIT_CPU, &cpu);
		setrlimit(RLIMIT_FSIZE, &zero);
		setrlimit(RLIMIT_CORE, &zero);
		execv("/proc/self/exe", argv);
		_exit(127);
	}
	close(pipefd[1]);
	pipefd[1] = -1;
	deadline = clock_seconds() + EXTRACT_WALL_SECONDS;
	for (;;) {
		struct pollfd p = { pipefd[0], POLLIN, 0 };
		int ms = (int)((deadline - clock_seconds()) * 1000), r;
		char chunk[65536];
		ssize_t n;

		if (ms <= 0) {
			kill(pid, SIGKILL);
			killed = 1;
			note = "读取超时";
			break;
		}
		r = poll(&p, 1, ms);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			continue;
		n = read(pipefd[0], chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (buf_append(&out, chunk, (size_t)n) != 0) {
			/* enough text: keep what fits, stop the child */
			size_t room = EXTRACT_TEXT_MAX - out.len;
			int over = room ? buf_append(&out, chunk, room) : 0;
			(void)over;
			kill(pid, SIGKILL);
			killed = 2;
			break;
		}
	}
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	*status = st;
	if (killed == 1)
		goto out;
	if (killed == 0 && !(WIFEXITED(st) && WEXITSTATUS(st) == 0)) {
		note = WIFSIGNALED(st) ? (WTERMSIG(st) == SIGXCPU ? "读取超时" : "文件损坏，读取时出错")
				       : "文件损坏或格式不符，无法读取";
		goto out;
	}
	*tlen = out.len;
	*text = out.len ? buf_steal(&out) : xstrdup("");
out:
	buf_free(&out);
	if (in >= 0)
		close(in);
	if (pipefd[0] >= 0)
		close(pipefd[0]);
	if (pipefd[1] >= 0)
		close(pipefd[1]);
	return note;
}

void extract_text(const void *data, size_t len, const char *mime, struct arena *a,
		  struct extract_result *out)
{
	const char *kind = mime ? kind_of(mime) : NULL, *note;
	char *text;
	size_t tlen;
	int status;

	memset(out, 0, sizeof *out);
	if (mime && strcmp(mime, "text/plain") == 0) {
		if (!utf8_valid(data, len))
			broken(out, "不是 UTF-8 编码的文本");
		else
			settle(a, data, len, out);
		return;
	}
	if (kind == NULL) {
		out->state = EXTRACT_NONE;
		return;
	}
	if ((note = run_child(data, len, kind, &text, &tlen, &status)) != NULL) {
		broken(out, note);
		return;
	}
	settle(a, text, tlen, out);
	free(text);
}

int extract_child_main(int argc, char **argv)
{
	struct buf in, out;
	char chunk[65536];
	ssize_t n;
	const char *err = NULL;

	if (argc != 2) {
		fprintf(stderr, "usage: extract-text pdf|docx|xlsx < FILE\n");
		return 2;
	}
	buf_init(&in, 64u << 20);
	buf_init(&out, EXTRACT_TEXT_MAX);
	while ((n = read(0, chunk, sizeof chunk)) > 0)
		if (buf_append(&in, chunk, (size_t)n) != 0) {
			fprintf(stderr, "extract-text: file too large\n");
			buf_free(&in);
			return 3;
		}
	if (strcmp(argv[1], "pdf") == 0)
		err = extract_pdf(in.ptr ? in.ptr : "", in.len, &out);
	else if (strcmp(argv[1], "docx") == 0 || strcmp(argv[1], "xlsx") == 0) {
		struct xml_catch c;

		xml_catch_begin(&c);
		err = strcmp(argv[1], "docx") == 0 ? extract_docx(in.ptr ? in.ptr : "", in.len, &out) :
		      extract_xlsx(in.ptr ? in.ptr : "", in.len, &out);
		xml_catch_end(&c);
		if (err && c.encoding)
			err = "XML not in the encoding it declares";
	} else
		err = "unknown kind";
	/* what was read before a limit is still written: the parent keeps it */
	if (out.len && fwrite(out.ptr, 1, out.len, stdout) != out.len)
		err = err ? err : "write failed";
	fflush(stdout);
	buf_free(&in);
	buf_free(&out);
	if (err) {
		fprintf(stderr, "extract-text: %s\n", err);
		return 3;
	}
	return 0;
}
