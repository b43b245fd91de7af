package za.voelgoed.platform.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import za.voelgoed.shared.json.Json;

@Command(name = "list", description = "List the organisation's dead letters, a page at a time.")
final class ListCommand extends ApiCommand {

    static final int MIN_LIMIT = 1;
    static final int MAX_LIMIT = 500;
    static final int LAST_ERROR_WIDTH = 60;

    enum Status { DEAD, REPLAYED, DISCARDED, ALL }

    @Mixin
    FilterOptions filter;

    @Option(names = "--status", paramLabel = "<status>", defaultValue = "dead",
            description = "dead (default), replayed, discarded or all.")
    Status status;

    @Option(names = "--limit", paramLabel = "<n>", defaultValue = "50",
            description = "Items per page, " + MIN_LIMIT + " to " + MAX_LIMIT + " (default 50).")
    int limit;

    @Option(names = "--cursor", paramLabel = "<cursor>", description = "Start at this page (a 'next cursor' printed before).")
    String cursor;

    @Option(names = "--all-pages", description = "Follow next cursors to the last page and print every item.")
    boolean allPages;

    @Override
    int run(DlqApi api, CommandLine cmd, PrintWriter out) {
        filter.validate(cmd);
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new ParameterException(cmd, "--limit must be " + MIN_LIMIT + " to " + MAX_LIMIT + ", was " + limit);
        }
        if (!allPages) {
            String body = api.page(query(cursor));
            if (common.json) {
                out.println(body);
            } else {
                DeadLetterPage page = DlqApi.decode(body, DeadLetterPage.class);
                printTable(page.items(), page.nextCursor(), out);
            }
            return ExitCodes.OK;
        }
        return printAllPages(api, out);
    }

    /** With --json the pages are joined into one document shaped like a single, last page. */
    private int printAllPages(DlqApi api, PrintWriter out) {
        List<DeadLetter> items = new ArrayList<>();
        ArrayNode rawItems = Json.mapper().createArrayNode();
        Set<String> cursorsSeen = new HashSet<>();
        String next = cursor;
        do {
            String body = api.page(query(next));
            DeadLetterPage page = DlqApi.decode(body, DeadLetterPage.class);
            items.addAll(page.items());
            if (common.json) {
                DlqApi.decode(body, JsonNode.class).path("items").forEach(rawItems::add);
            }
            next = page.nextCursor();
            // A backend that hands out the same cursor again would keep a script looping for ever.
            if (next != null && !cursorsSeen.add(next)) {
                throw new BackendException(ExitCodes.UNAVAILABLE, "the backend returned cursor " + next + " twice");
            }
        } while (next != null);
        if (common.json) {
            ObjectNode all = Json.object();
            all.set("items", rawItems);
            all.putNull("next_cursor");
            out.println(Json.write(all));
        } else {
            printTable(items, null, out);
        }
        return ExitCodes.OK;
    }

    private Map<String, String> query(String pageCursor) {
        Map<String, String> query = filter.toQuery();
        query.put("status", status.name().toLowerCase(Locale.ROOT));
        query.put("limit", Integer.toString(limit));
        if (pageCursor != null) {
            query.put("cursor", pageCursor);
        }
        return query;
    }

    private void printTable(List<DeadLetter> items, String nextCursor, PrintWriter out) {
        if (!items.isEmpty()) {
            Table table = new Table("ID", "DEAD AT", "QUEUE", "WORKER", "ATTEMPTS", "LAST ERROR");
            for (DeadLetter item : items) {
                table.row(item.id(), item.deadAt(), shortQueue(item.queue(), common.org), item.worker(),
                        item.attempts(), Table.truncate(item.lastError(), LAST_ERROR_WIDTH));
            }
            table.print(out);
        }
        out.println(items.size() + " item(s)");
        if (nextCursor != null) {
            out.println("next cursor: " + nextCursor);
        }
    }

    /** Every queue name starts with the organisation the operator already named; the rest is what tells rows apart. */
    static String shortQueue(String queue, UUID org) {
        String prefix = "queue:org:" + org + ":";
        return queue != null && queue.startsWith(prefix) ? queue.substring(prefix.length()) : queue;
    }
}
