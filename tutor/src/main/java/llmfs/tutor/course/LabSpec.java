package llmfs.tutor.course;

/**
 * The lab that closes a part: a longer training run the learner starts from the tutor.
 *
 * @param id      unique lab id, e.g. {@code "names"}; also the key in the progress file
 * @param title   shown in menus
 * @param command the lab command the launcher runs
 */
public record LabSpec(String id, String title, String command) {
}
