// Admin: customer outcomes. What the analytics recorded, read once when the screen opened
// (UiState::outcomes; the last 30 days): the top topics of the week as stacked bars (how their sessions ended) and
// a table of the same numbers, then each fix's success rate as a bar in a table with the step
// where customers abandon it most. The whole body scrolls with a finger.
#include "screens.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>
#include <vector>

namespace hs::ui {
namespace {

using analytics::FixRow;
using analytics::Report;
using analytics::TopicRow;

// A table column: its share of the width and whether its text is right-aligned (numbers).
struct Column {
    const char *header;
    float share;
    bool number;
};

struct Table {
    const Context &ctx;
    float x, width;
    std::vector<Column> columns;

    float col_x(size_t i) const {
        float at = x;
        for (size_t c = 0; c < i; ++c) at += columns[c].share * width;
        return at;
    }
    float col_w(size_t i) const { return columns[i].share * width - ctx.theme.px(16); }

    // Text of one cell, wrapped in its column; returns its height.
    float cell(ImDrawList *dl, ImFont *f, ImU32 color, size_t i, float y, const std::string &text) const {
        float w = col_w(i);
        ImVec2 size = f->CalcTextSizeA(f->FontSize, FLT_MAX, w, text.c_str());
        float cx = col_x(i) + (columns[i].number ? w - size.x : 0);
        dl->AddText(f, f->FontSize, ImVec2(cx, y), color, text.c_str(), nullptr, w);
        return size.y;
    }

    // A row of cells (empty strings skip a cell the caller draws itself); advances the cursor.
    float row(const std::vector<std::string> &cells, ImFont *f, ImU32 color, float min_h = 0) const {
        ImDrawList *dl = ImGui::GetWindowDrawList();
        const Theme &t = ctx.theme;
        ImVec2 at = ImGui::GetCursorScreenPos();
        float pad = t.px(10), h = min_h;
        for (size_t i = 0; i < cells.size() && i < columns.size(); ++i)
            if (!cells[i].empty()) h = std::max(h, cell(dl, f, color, i, at.y + pad, cells[i]));
        h += 2 * pad;
        dl->AddLine(ImVec2(x, at.y + h), ImVec2(x + width, at.y + h), t.color.border, t.px(1));
        ImGui::Dummy(ImVec2(width, h));
        ctx.ui.outcome_rows.push_back(cells);
        return h;
    }

    std::vector<std::string> headers() const {
        std::vector<std::string> out;
        for (const Column &c : columns) out.emplace_back(c.header);
        return out;
    }
};

std::string topic_title(const Context &ctx, const std::string &id) {
    const Topic *t = ctx.catalog.find(id);
    return t ? t->title : id; // a topic no longer installed is still reported, by its id
}

std::string fix_title(const Context &ctx, const std::string &topic, int fix) {
    const Topic *t = ctx.catalog.find(topic);
    std::string label = "Fix " + std::to_string(fix);
    if (t && fix >= 1 && fix <= static_cast<int>(t->fixes.size())) label += ": " + t->fixes[static_cast<size_t>(fix - 1)].title;
    return label;
}

std::string percent(double r) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f %%", r * 100);
    return buf;
}

// How a topic's sessions ended, in the order of the stacked bars and the legend.
struct Part {
    const char *label;
    ImU32 color;
    int TopicRow::*count;
};

std::vector<Part> parts(const Palette &c) {
    return {{"Fixed", c.success, &TopicRow::fixed},
            {"Not fixed", c.caution, &TopicRow::not_fixed},
            {"Ask a team member", c.accent, &TopicRow::ask_team},
            {"Abandoned", c.text_muted, &TopicRow::abandoned},
            {"No fix tried", IM_COL32(0xA3, 0xAB, 0xB8, 0xFF), &TopicRow::no_fix_tried}};
}

void legend(const Context &ctx, float x, float width) {
    const Theme &t = ctx.theme;
    ImFont *f = ctx.fonts.small;
    ImDrawList *dl = ImGui::GetWindowDrawList();
    ImVec2 at = ImGui::GetCursorScreenPos();
    float cx = x, y = at.y, sw = f->FontSize * 0.8f, line = f->FontSize * 1.5f;
    for (const Part &p : parts(t.color)) {
        float w = sw + t.px(10) + f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, p.label).x + t.px(32);
        if (cx + w > x + width && cx > x) cx = x, y += line;
        dl->AddRectFilled(ImVec2(cx, y + f->FontSize * 0.15f), ImVec2(cx + sw, y + f->FontSize * 0.15f + sw), p.color,
                          t.px(4));
        dl->AddText(f, f->FontSize, ImVec2(cx + sw + t.px(10), y), t.color.text, p.label);
        cx += w;
    }
    ImGui::Dummy(ImVec2(width, y + line - at.y));
}

// The week's topics: a stacked bar each (how their sessions ended), then the numbers as a table.
void top_topics(const Context &ctx, const Report &r, float x, float width) {
    const Theme &t = ctx.theme;
    const Palette &c = t.color;
    ImFont *f = ctx.fonts.small;
    if (r.this_week.empty()) {
        ImGui::SetCursorPosX(t.margin());
        wrapped_text(f, c.text_muted, "No customer sessions in the last 7 days.", width);
        return;
    }
    legend(ctx, x, width);
    int most = 1;
    for (const TopicRow &row : r.this_week) most = std::max(most, row.sessions);
    float label_w = width * (t.portrait ? 0.36f : 0.3f), count_w = t.px(140);
    float bar_x = x + label_w, bar_w = width - label_w - count_w;
    ImDrawList *dl = ImGui::GetWindowDrawList();
    for (const TopicRow &row : r.this_week) {
        ImVec2 at = ImGui::GetCursorScreenPos();
        std::string title = topic_title(ctx, row.topic);
        float th = f->CalcTextSizeA(f->FontSize, FLT_MAX, label_w - t.px(16), title.c_str()).y;
        float bar_h = t.px(44), h = std::max(th, bar_h) + t.px(20);
        dl->AddText(f, f->FontSize, ImVec2(x, at.y + (h - th) * 0.5f), c.text, title.c_str(), nullptr, label_w - t.px(16));
        float y0 = at.y + (h - bar_h) * 0.5f, full = bar_w * row.sessions / most, bx = bar_x;
        dl->AddRectFilled(ImVec2(bar_x, y0), ImVec2(bar_x + bar_w, y0 + bar_h), c.background, t.px(6));
        for (const Part &p : parts(c)) {
            int n = row.*(p.count);
            if (n <= 0 || row.sessions <= 0) continue;
            float w = full * n / row.sessions;
            dl->AddRectFilled(ImVec2(bx, y0), ImVec2(bx + w, y0 + bar_h), p.color);
            bx += w;
        }
        std::string n = std::to_string(row.sessions);
        float nw = ctx.fonts.bold->CalcTextSizeA(ctx.fonts.bold->FontSize, FLT_MAX, 0, n.c_str()).x;
        dl->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize,
                    ImVec2(x + width - nw, at.y + (h - ctx.fonts.bold->FontSize) * 0.5f), c.text, n.c_str());
        ImGui::Dummy(ImVec2(width, h));
    }
    ImGui::Dummy(ImVec2(0, t.gap()));
    // Portrait is narrow: the long headers get the room, the short numbers less.
    bool tall = t.portrait;
    Table table{ctx, x, width,
                {{"Topic", tall ? 0.26f : 0.4f, false},
                 {"Sessions", tall ? 0.12f : 0.1f, true},
                 {"Fixed", tall ? 0.09f : 0.1f, true},
                 {"Not fixed", tall ? 0.12f : 0.1f, true},
                 {"Ask team", tall ? 0.12f : 0.1f, true},
                 {"Abandoned", tall ? 0.16f : 0.1f, true},
                 {"No fix tried", tall ? 0.13f : 0.1f, true}}};
    table.row(table.headers(), f, c.text_muted);
    for (const TopicRow &row : r.this_week)
        table.row({topic_title(ctx, row.topic), std::to_string(row.sessions), std::to_string(row.fixed),
                   std::to_string(row.not_fixed), std::to_string(row.ask_team), std::to_string(row.abandoned),
                   std::to_string(row.no_fix_tried)},
                  f, c.text);
}

// Every fix tried: sessions that started it, how many said "Yes" after it, the success rate as a
// bar, and the step where it is abandoned most. Grouped by topic, most-visited topic first.
void fixes(const Context &ctx, const Report &r, float x, float width) {
    const Theme &t = ctx.theme;
    const Palette &c = t.color;
    ImFont *f = ctx.fonts.small;
    if (r.fixes.empty()) {
        ImGui::SetCursorPosX(t.margin());
        wrapped_text(f, c.text_muted, "No fix has been started yet.", width);
        return;
    }
    bool tall = t.portrait;
    Table table{ctx, x, width,
                {{"Fix", tall ? 0.31f : 0.36f, false},
                 {"Started", tall ? 0.12f : 0.09f, true},
                 {"Fixed", tall ? 0.1f : 0.08f, true},
                 {"Success rate", tall ? 0.25f : 0.27f, false},
                 {"Abandoned most at", tall ? 0.22f : 0.2f, false}}};
    std::string topic;
    ImDrawList *dl = ImGui::GetWindowDrawList();
    for (const FixRow &fx : r.fixes) {
        if (fx.topic != topic) {
            topic = fx.topic;
            ImGui::Dummy(ImVec2(0, t.px(12)));
            ImGui::SetCursorPosX(t.margin());
            wrapped_text(ctx.fonts.bold, c.text, topic_title(ctx, topic), width);
            table.row(table.headers(), f, c.text_muted);
        }
        std::string worst = fx.worst_step ? "Step " + std::to_string(fx.worst_step) + " (" +
                                                std::to_string(fx.abandoned_at_worst) + " of " +
                                                std::to_string(fx.abandoned) + ")"
                                          : "-";
        ImVec2 at = ImGui::GetCursorScreenPos();
        float h = table.row({fix_title(ctx, fx.topic, fx.fix), std::to_string(fx.started), std::to_string(fx.fixed), "",
                             worst},
                            f, c.text, t.px(36));
        // The success rate cell: a bar on a track, the percentage after it.
        std::string pct = percent(fx.success_rate());
        float pw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "100 %").x + t.px(12);
        float bx = table.col_x(3), bw = table.col_w(3) - pw, bh = t.px(28), by = at.y + (h - bh) * 0.5f;
        dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bw, by + bh), c.secondary, t.px(6));
        if (fx.success_rate() > 0)
            dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bw * static_cast<float>(fx.success_rate()), by + bh), c.success,
                              t.px(6));
        dl->AddText(f, f->FontSize, ImVec2(bx + bw + t.px(12), at.y + (h - f->FontSize) * 0.5f), c.text, pct.c_str());
    }
}

} // namespace

void draw_outcomes(const Context &ctx, ImVec2 screen) {
    const Theme &t = ctx.theme;
    const Palette &c = t.color;
    float bar = begin_admin_page(ctx, screen, "admin-outcomes", "Customer outcomes");
    ctx.ui.outcome_rows.clear();

    ImGui::SetCursorPos(ImVec2(0, bar));
    ImGui::BeginChild("outcomes-body", ImVec2(screen.x, screen.y - bar), false, ImGuiWindowFlags_NoBackground);
    float width = screen.x - 2 * t.margin(), x = ImGui::GetCursorScreenPos().x + t.margin();
    auto section = [&](const std::string &text) {
        ImGui::Dummy(ImVec2(0, t.gap()));
        ImGui::SetCursorPosX(t.margin());
        heading(ctx, text, width);
    };
    auto line = [&](ImU32 color, const std::string &text) {
        ImGui::SetCursorPosX(t.margin());
        wrapped_text(ctx.fonts.small, color, text, width);
    };

    ImGui::Dummy(ImVec2(0, t.gap()));
    const std::string &state = ctx.host.analytics_state;
    bool on = state == "on" || state == "starting";
    line(on ? c.success : c.caution, "Analytics " + (state.empty() ? std::string("off: not set up") : state));
    const analytics::ReportResult *result = ctx.ui.outcomes.get();
    if (!result) {
        line(c.text_muted, "No report was read.");
    } else if (!result->error.empty()) {
        line(c.caution, result->error);
    } else {
        const Report &r = result->report;
        // The host reads the last 30 days (analytics_feed.hpp); say which days those are.
        std::string from = analytics::format_day(r.first_ms ? r.first_ms : r.since_ms);
        line(c.text, "Last 30 days: " + std::to_string(r.sessions) + " customer sessions (the first on " + from + "), " +
                         std::to_string(r.idle_resets) + " ended by the idle reset, " + std::to_string(r.searches) +
                         " searches. Nothing about the customers themselves is recorded.");
        section("Top topics this week");
        top_topics(ctx, r, x, width);
        section("Success rate of each fix");
        line(c.text_muted, "How often customers answered \"Yes\" after the fix, of those who started it.");
        fixes(ctx, r, x, width);
    }
    ImGui::Dummy(ImVec2(0, t.margin()));
    touch_scroll(ctx);
    ImGui::EndChild();
    ImGui::End();
}

} // namespace hs::ui
